import { badgeMessages } from '../components/badge-progress/messages.js';
import { leaderboardMessages } from '../components/leaderboard/messages.js';
import { roomMessages } from '../components/room-embed/messages.js';
import { prefsMessages } from '../components/unsubscribe-prefs/messages.js';
import { type Message, sharedMessages } from './messages.js';

export type { Message } from './messages.js';

/**
 * English, whole: the source catalogue other locales translate, key by key. Runtime code imports
 * only the parts it shows (each element its own `messages.ts`); this is for types and tests.
 * `{name}` is a placeholder; an object picks a plural form by the `count` parameter.
 */
export const en = {
  ...sharedMessages,
  ...leaderboardMessages,
  ...badgeMessages,
  ...roomMessages,
  ...prefsMessages,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export type Catalogue = Partial<Record<MessageKey, Message>>;
