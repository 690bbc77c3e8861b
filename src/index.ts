// The all-in-one entry (npm `kaltura-widgets`, and the script-tag global `KalturaWidgets`).
// Elements come from the per-element entries, which register them: each element's code then lives
// in its entry file (one file fewer per element on a CDN), and every registration in a file that
// `sideEffects` keeps.
export { configure, currentConfig } from './config.js';
export type { KalturaWidgetsConfig } from './config.js';
export { KalError } from './api/errors.js';
export type { ErrorCode, KalErrorDetail } from './api/errors.js';
export type { GetKs, TokenContext, TokenResult } from './api/session.js';
export type { KalEventDetails } from './components/shared/events.js';
export { registerLocale } from './i18n/localize.js';
export { allDefined } from './defined.js';
export { KIT_TAGS } from './elements.js';
export { VERSION } from './version.js';
export { KalBadgeProgress } from './components/badge-progress/define.js';
export type { BadgeLayout, BadgeSort, BadgeState } from './components/badge-progress/badge-model.js';
export { KalRoomEmbed } from './components/room-embed/define.js';
export { KalPrefGroup, KalUnsubscribePrefs, forgetLinkKs } from './components/unsubscribe-prefs/define.js';
export { KalLeaderboard } from './components/leaderboard/define.js';
export type { LeaderboardLayout, ResolveUsers, ResolvedUsers } from './components/leaderboard/kal-leaderboard.js';
export { KalCertificateProgress } from './components/certificate-progress/define.js';
export type { CertificateState } from './components/certificate-progress/certificate-model.js';
export { KalEventAgenda } from './components/event-agenda/define.js';
export { KalPointsGuide } from './components/points-guide/define.js';
