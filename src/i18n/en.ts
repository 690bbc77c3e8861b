import { badgeMessages } from './elements/badge-progress.js';
import { certificateMessages } from './elements/certificate-progress.js';
import { agendaMessages } from './elements/event-agenda.js';
import { leaderboardMessages } from './elements/leaderboard.js';
import { pointsMessages } from './elements/points-guide.js';
import { roomMessages } from './elements/room-embed.js';
import { prefsMessages } from './elements/unsubscribe-prefs.js';
import { type Message, sharedMessages } from './messages.js';

export type { Message } from './messages.js';

/**
 * English, whole: the source catalogue other locales translate, key by key. Runtime code imports
 * only the parts it shows (each element its own file in `i18n/elements/`); this is for types and tests.
 * `{name}` is a placeholder; an object picks a plural form by the `count` parameter.
 */
export const en = {
  ...sharedMessages,
  ...leaderboardMessages,
  ...badgeMessages,
  ...certificateMessages,
  ...roomMessages,
  ...prefsMessages,
  ...agendaMessages,
  ...pointsMessages,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export type Catalogue = Partial<Record<MessageKey, Message>>;
