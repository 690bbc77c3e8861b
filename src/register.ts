import { KalBadgeProgress } from './components/badge-progress/kal-badge-progress.js';
import { KalLeaderboard } from './components/leaderboard/kal-leaderboard.js';
import { KalRoomEmbed } from './components/room-embed/kal-room-embed.js';
import { define } from './components/shared/define.js';
import { KalPrefGroup } from './components/unsubscribe-prefs/kal-pref-group.js';
import { KalUnsubscribePrefs } from './components/unsubscribe-prefs/kal-unsubscribe-prefs.js';

/**
 * Registers every element. The entries that register (the all-in-one module, the React module)
 * call it themselves, so the registration lives in the entry file a bundler keeps, never in a
 * shared chunk it may treat as side-effect free.
 */
export function registerAll(): void {
  define('kal-leaderboard', KalLeaderboard);
  define('kal-badge-progress', KalBadgeProgress);
  define('kal-room-embed', KalRoomEmbed);
  define('kal-pref-group', KalPrefGroup);
  define('kal-unsubscribe-prefs', KalUnsubscribePrefs);
}
