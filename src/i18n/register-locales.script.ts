import type { Catalogue } from './en.js';
import { SHIPPED_LOCALES } from './locale-list.js';
import { registerLocale } from './localize.js';

// Script-tag build: a classic script cannot split chunks, so catalogues are separate ES modules in
// `locales/` next to kaltura-widgets.iife.js, imported by URL only when a page needs that language.
// Captured while the script runs (currentScript is only set then). A script whose address cannot
// be a base (inlined by a CMS optimiser, a blob: URL) falls back to the page's own address.
const scriptSrc = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;

function localeUrl(locale: string): string {
  try {
    return new URL(`locales/${locale}.js`, scriptSrc || globalThis.location?.href).href;
  } catch {
    return new URL(`locales/${locale}.js`, globalThis.location?.href).href;
  }
}

let registered = false;

/** Same contract as register-locales.ts: makes the shipped catalogues available, once. */
export function registerShippedLocales(): void {
  if (registered) return;
  registered = true;
  for (const locale of SHIPPED_LOCALES) {
    registerLocale(locale, () =>
      import(/* @vite-ignore */ localeUrl(locale)).then((loaded: { default: Catalogue }) => loaded.default),
    );
  }
}
