// Script-tag build only: files that a classic script cannot bundle (catalogues, the scroll layout's
// virtualizer) are ES modules next to kaltura-widgets.iife.js, imported by URL when first needed.
// The script's address is captured while it runs (currentScript is only set then). A script whose
// address cannot be a base (inlined by a CMS optimiser, a blob: URL) falls back to the page's.
const scriptSrc = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;

/** The URL of `path` next to the running kaltura-widgets.iife.js. */
export function besideScript(path: string): string {
  try {
    return new URL(path, scriptSrc || globalThis.location?.href).href;
  } catch {
    return new URL(path, globalThis.location?.href).href;
  }
}
