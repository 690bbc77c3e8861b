import type { Catalogue } from './en.js';
import { SHIPPED_LOCALES } from './locale-list.js';
import { registerLocale } from './localize.js';

// Script-tag build: a classic script cannot split chunks, so catalogues are separate ES modules in
// `locales/` next to kaltura-widgets.iife.js, imported by URL only when a page needs that language.
const script = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
const base = new URL('locales/', script?.src || globalThis.location?.href);

let registered = false;

/** Same contract as register-locales.ts: makes the shipped catalogues available, once. */
export function registerShippedLocales(): void {
  if (registered) return;
  registered = true;
  for (const locale of SHIPPED_LOCALES) {
    registerLocale(locale, () =>
      import(/* @vite-ignore */ new URL(`${locale}.js`, base).href).then((loaded: { default: Catalogue }) => loaded.default),
    );
  }
}
