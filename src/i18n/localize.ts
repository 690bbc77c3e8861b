import type { Catalogue, MessageKey } from './en.js';
import { type Message, sharedMessages } from './messages.js';

export type MessageParams = Record<string, string | number>;

/** An element's `t`, for templates kept apart from it. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Loaded translations. English is not one: each caller passes its own English text (see translate). */
const catalogues = new Map<string, Catalogue>();
const loaders = new Map<string, () => Promise<Catalogue>>();
/** Language → the registered regional catalogue serving it (`de` → `de-de`). */
const languageDefaults = new Map<string, string>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/** Makes a locale available; its catalogue is downloaded only when a page first needs it. */
export function registerLocale(locale: string, load: () => Promise<Catalogue>): void {
  const tag = locale.toLowerCase();
  loaders.set(tag, load);
  const language = tag.split('-')[0]!;
  if (!languageDefaults.has(language)) languageDefaults.set(language, tag);
}

/** Calls `listener` when a lazily loaded catalogue arrives (elements re-render). */
export function onCatalogueLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The catalogues to try for a locale, most specific first: `fr-BE` → `fr-be`, `fr`, then the
 * registered catalogue for French (`fr-fr`); Traditional Chinese anywhere (`zh-HK`) → `zh-tw`.
 */
function candidates(locale: string): string[] {
  const lower = locale.toLowerCase();
  const language = lower.split('-')[0]!;
  const list = [lower, language];
  if (language === 'zh' && isTraditionalChinese(locale)) list.push('zh-tw');
  const fallback = languageDefaults.get(language === 'iw' ? 'he' : language);
  if (fallback) list.push(fallback);
  return [...new Set(list)];
}

function isTraditionalChinese(locale: string): boolean {
  try {
    return new Intl.Locale(locale).maximize().script === 'Hant';
  } catch {
    return false;
  }
}

/** The built-in English (an element's own text) ends the search, unless a host registered `en` itself. */
const isBuiltInEnglish = (name: string) => name === 'en' && !loaders.has('en');

function ensureLoaded(locale: string): void {
  for (const name of candidates(locale)) {
    if (catalogues.has(name) || loading.has(name) || isBuiltInEnglish(name)) return;
    const load = loaders.get(name);
    if (!load) continue;
    loading.set(
      name,
      load()
        .then((catalogue) => {
          catalogues.set(name, catalogue);
          for (const listener of listeners) listener();
        })
        // A catalogue that fails to load leaves the English text in place.
        .catch(() => undefined),
    );
    return;
  }
}

function lookup(locale: string, key: MessageKey): Message | undefined {
  ensureLoaded(locale);
  for (const name of candidates(locale)) {
    if (isBuiltInEnglish(name)) return undefined;
    const message = catalogues.get(name)?.[key];
    if (message !== undefined) return message;
  }
  return undefined;
}

/**
 * The translated text for `key`, with `{placeholders}` filled in. Without a translation, the
 * `english` given (an element's own text), else the shared English text, else the key itself.
 */
export function translate(locale: string, key: MessageKey, params: MessageParams = {}, english?: Message): string {
  const message = lookup(locale, key) ?? english ?? (sharedMessages as Partial<Record<MessageKey, Message>>)[key] ?? key;
  const template =
    typeof message === 'string'
      ? message
      : (message[new Intl.PluralRules(locale).select(Number(params.count ?? 0))] ?? message.other);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.toLowerCase().split('-')[0]!) ? 'rtl' : 'ltr';
}

/** A usable BCP 47 tag, or English when the text is not one. */
export function normaliseLocale(locale: string | undefined | null): string {
  if (!locale) return 'en';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
