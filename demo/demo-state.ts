/**
 * What the demo toolbar sets, kept in the page's URL query so that a state can be linked:
 * `?theme=dark&lang=he&dir=rtl&fault=500`. Defaults are left out of the URL.
 */
import { SHIPPED_LOCALES } from '../src/i18n/locale-list.js';

const THEMES = ['auto', 'light', 'dark'] as const;
const DIRECTIONS = ['auto', 'ltr', 'rtl'] as const;
const FAULTS = ['none', 'offline', '500', 'slow', 'expired'] as const;
/** The kit's 16 languages: English (built in) and the shipped catalogues. */
export const DEMO_LOCALES: readonly string[] = ['en', ...SHIPPED_LOCALES];

export type Theme = (typeof THEMES)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Fault = (typeof FAULTS)[number];

export interface DemoState {
  theme: Theme;
  /** One of DEMO_LOCALES. */
  lang: string;
  /** `auto`: the widgets take the direction of their language, and the page stays left to right. */
  dir: Direction;
  fault: Fault;
}

const DEFAULTS: DemoState = { theme: 'auto', lang: 'en', dir: 'auto', fault: 'none' };

function oneOf<T extends string>(list: readonly T[], value: string | null, fallback: T): T {
  return list.find((item) => item === value) ?? fallback;
}

/**
 * The demo language for a requested tag: the same tag, else the catalogue of its language (`he` →
 * `he-IL`; `fr` → `fr-FR`, the language's own country first), else English.
 */
function matchLocale(requested: string | null): string {
  const wanted = (requested ?? '').toLowerCase();
  const exact = DEMO_LOCALES.find((tag) => tag.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  const sameLanguage = DEMO_LOCALES.filter((tag) => tag.toLowerCase().split('-')[0] === language);
  return sameLanguage.find((tag) => tag.toLowerCase() === `${language}-${language}`) ?? sameLanguage[0] ?? DEFAULTS.lang;
}

export function readState(search: string): DemoState {
  const query = new URLSearchParams(search);
  return {
    theme: oneOf(THEMES, query.get('theme'), DEFAULTS.theme),
    lang: query.has('lang') ? matchLocale(query.get('lang')) : DEFAULTS.lang,
    dir: oneOf(DIRECTIONS, query.get('dir'), DEFAULTS.dir),
    fault: oneOf(FAULTS, query.get('fault'), DEFAULTS.fault),
  };
}

/** `url` with the state in its query (other parameters, such as the demo's `?role=`, kept). */
export function withState(url: URL, state: DemoState): URL {
  const next = new URL(url);
  for (const key of Object.keys(DEFAULTS) as Array<keyof DemoState>) {
    if (state[key] === DEFAULTS[key]) next.searchParams.delete(key);
    else next.searchParams.set(key, state[key]);
  }
  return next;
}
