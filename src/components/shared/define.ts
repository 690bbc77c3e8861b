import { VERSION } from '../../version.js';

let warned = false;

type KitElement = CustomElementConstructor & { kitVersion?: string };

/**
 * Registers a tag once. A second copy of the kit on the page (a CMS plugin plus a theme) must
 * not throw: the same version stays silent, another version warns once and the first one wins.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as KitElement | undefined;
  if (!existing) {
    (element as KitElement).kitVersion = VERSION;
    registry.define(tag, element);
    return;
  }
  // One warning per copy of the kit, not one per tag: the page has one problem, two versions.
  if (existing.kitVersion !== VERSION && !warned) {
    warned = true;
    console.warn(
      `kaltura-widgets ${VERSION}: <${tag}> is already defined by ${existing.kitVersion ? `kaltura-widgets ${existing.kitVersion}` : 'another script'}; the first definitions are kept. Load the kit once per page.`,
    );
  }
}
