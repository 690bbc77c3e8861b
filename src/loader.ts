// The script tag, `dist/kaltura-widgets.iife.js`: a classic script (no import or export of its own;
// the bundler inlines the element table) that defines `window.KalturaWidgets` and, for each kit tag
// on the page now or added later, imports that element's ES module from `cdn/` beside it. A page pays
// for the elements it uses; everything else is shared chunks the browser fetches once.
import { ELEMENTS } from './elements.js';

type ScriptApi = typeof import('./script-api.js');

export interface KalturaWidgetsGlobal {
  configure: ScriptApi['configure'];
  registerLocale: ScriptApi['registerLocale'];
  allDefined: ScriptApi['allDefined'];
  /** Forgets a KS the preference centre took from a link (from the preference centre's module, loaded for it). */
  forgetLinkKs(): Promise<void>;
}

declare global {
  interface Window {
    KalturaWidgets?: KalturaWidgetsGlobal;
  }
}

// The modules sit in cdn/ beside this script (captured while it runs: currentScript is set only then);
// a script without an address of its own (inlined by a CMS optimiser) uses the page's.
const base = new URL('cdn/', (document.currentScript as HTMLScriptElement | null)?.src || location.href);
const moduleUrl = (name: string) => new URL(`${name}.js`, base).href;

let api: Promise<ScriptApi> | undefined;
const loadApi = (): Promise<ScriptApi> => (api ??= import(/* @vite-ignore */ moduleUrl('api')) as Promise<ScriptApi>);

/** Fetched now, evaluated when imported: an element's module downloads alongside the API and the token. */
function preload(url: string): void {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = url;
  document.head.append(link);
}

const requested = new Set<string>();

/** Loads the module of every kit tag inside `root` not asked for yet. */
function scan(root: ParentNode): void {
  for (const { module, tags } of ELEMENTS) {
    if (requested.has(module) || !tags.some((tag) => root.querySelector(tag))) continue;
    requested.add(module);
    const url = moduleUrl(module);
    preload(url);
    // Evaluated once the page's configure() calls have reached the kit: no element starts without them.
    loadApi()
      .then(() => import(/* @vite-ignore */ url))
      .catch(async (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        const { defineUnavailable } = await loadApi();
        for (const tag of tags) defineUnavailable(tag, reason);
      });
  }
}

if (!window.KalturaWidgets) {
  window.KalturaWidgets = {
    configure: (options) => {
      void loadApi().then((kit) => {
        kit.configure(options);
        kit.startSession();
      });
    },
    registerLocale: (locale, catalogue) => void loadApi().then((kit) => kit.registerLocale(locale, catalogue)),
    allDefined: (...args) => loadApi().then((kit) => kit.allDefined(...args)),
    forgetLinkKs: () =>
      (import(/* @vite-ignore */ moduleUrl('unsubscribe-prefs')) as Promise<typeof import('./components/unsubscribe-prefs/define.js')>).then((prefs) =>
        prefs.forgetLinkKs(),
      ),
  };
}

scan(document);
new MutationObserver((mutations) => {
  if (requested.size === ELEMENTS.length) return;
  for (const { addedNodes } of mutations) for (const node of addedNodes) if (node instanceof Element) scan(node.parentNode ?? node);
}).observe(document, { childList: true, subtree: true });
