import type { Catalogue } from './en.js';
import { registerLocale } from './localize.js';

// ES builds: each catalogue is its own chunk, fetched only when a page first needs that language.
const load = (module: Promise<{ default: Catalogue }>) => module.then((loaded) => loaded.default);
let registered = false;

/** Makes the shipped catalogues available (idempotent; a function, not an import side effect, so no bundler drops it). */
export function registerShippedLocales(): void {
  if (registered) return;
  registered = true;
  registerLocale('de-DE', () => load(import('./locales/de-DE.js')));
  registerLocale('es-ES', () => load(import('./locales/es-ES.js')));
  registerLocale('fi-FI', () => load(import('./locales/fi-FI.js')));
  registerLocale('fr-FR', () => load(import('./locales/fr-FR.js')));
  registerLocale('fr-CA', () => load(import('./locales/fr-CA.js')));
  registerLocale('he-IL', () => load(import('./locales/he-IL.js')));
  registerLocale('it-IT', () => load(import('./locales/it-IT.js')));
  registerLocale('ja-JP', () => load(import('./locales/ja-JP.js')));
  registerLocale('ko-KR', () => load(import('./locales/ko-KR.js')));
  registerLocale('nl-NL', () => load(import('./locales/nl-NL.js')));
  registerLocale('pt-BR', () => load(import('./locales/pt-BR.js')));
  registerLocale('ru-RU', () => load(import('./locales/ru-RU.js')));
  registerLocale('zh-CN', () => load(import('./locales/zh-CN.js')));
  registerLocale('zh-TW', () => load(import('./locales/zh-TW.js')));
  registerLocale('ar', () => load(import('./locales/ar.js')));
}
