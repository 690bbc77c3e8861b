/** The catalogues the kit ships besides English: Kaltura's widget languages plus Arabic. */
export const SHIPPED_LOCALES = [
  'de-DE',
  'es-ES',
  'fi-FI',
  'fr-CA',
  'fr-FR',
  'he-IL',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'nl-NL',
  'pt-BR',
  'ru-RU',
  'zh-CN',
  'zh-TW',
  'ar',
] as const;
