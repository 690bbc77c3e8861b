// The all-in-one entry (npm `kaltura-widgets`, and the script-tag global `KalturaWidgets`).
export { configure, currentConfig } from './config.js';
export type { KalturaWidgetsConfig } from './config.js';
export { KalError } from './api/errors.js';
export type { ErrorCode, KalErrorDetail } from './api/errors.js';
export type { GetKs, TokenContext, TokenResult } from './api/session.js';
export type { KalEventDetails } from './components/shared/events.js';
export { registerLocale } from './i18n/localize.js';
export { allDefined, KIT_TAGS } from './defined.js';
export { VERSION } from './version.js';
