import { besideScript } from '../script-url.js';
import type { Catalogue } from './en.js';
import { SHIPPED_LOCALES } from './locale-list.js';
import { registerLocale } from './localize.js';

let registered = false;

/** Same contract as register-locales.ts, for the script-tag build: catalogues from `locales/` beside the script. */
export function registerShippedLocales(): void {
  if (registered) return;
  registered = true;
  for (const locale of SHIPPED_LOCALES) {
    registerLocale(locale, () =>
      import(/* @vite-ignore */ besideScript(`locales/${locale}.js`)).then((loaded: { default: Catalogue }) => loaded.default),
    );
  }
}
