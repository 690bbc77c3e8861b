// What the script tag (loader.ts) gives pages through `window.KalturaWidgets`, as the CDN module
// `cdn/api.js`: the loader imports it with the first configure() or the first element on the page.
import { resolveApi } from './config.js';

export { configure } from './config.js';
export { allDefined } from './defined.js';
export { registerLocale } from './i18n/localize.js';
export { VERSION } from './version.js';
export { defineUnavailable } from './components/shared/unavailable.js';

/**
 * Starts the page's token request now, while the element modules are still downloading: the
 * elements then find the KS ready (one session per settings) instead of asking after they load.
 */
export function startSession(): void {
  try {
    void resolveApi({}).session.ks().catch(() => undefined);
  } catch {
    // Not set up (yet): each element says what is missing when it loads.
  }
}
