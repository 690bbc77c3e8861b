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
export { KalBadgeProgress } from './components/badge-progress/kal-badge-progress.js';
export type { BadgeLayout, BadgeSort, BadgeState } from './components/badge-progress/badge-model.js';
export { KalRoomEmbed } from './components/room-embed/kal-room-embed.js';
export { KalUnsubscribePrefs } from './components/unsubscribe-prefs/kal-unsubscribe-prefs.js';
export { KalPrefGroup } from './components/unsubscribe-prefs/kal-pref-group.js';
export { forgetLinkKs } from './components/unsubscribe-prefs/link-ks.js';
export { KalLeaderboard } from './components/leaderboard/kal-leaderboard.js';
export type { LeaderboardLayout, ResolveUsers, ResolvedUsers } from './components/leaderboard/kal-leaderboard.js';

import { registerAll } from './register.js';

registerAll();
