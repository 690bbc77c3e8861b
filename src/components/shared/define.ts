import { VERSION } from '../../version.js';

const warned = new Set<string>();

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
  if (existing.kitVersion !== VERSION && !warned.has(tag)) {
    warned.add(tag);
    console.warn(
      `kaltura-widgets ${VERSION}: <${tag}> is already defined by ${existing.kitVersion ? `version ${existing.kitVersion}` : 'another script'}; that definition is kept.`,
    );
  }
}
