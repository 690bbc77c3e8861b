/**
 * `kaltura-widgets/react`: React components for each element (made with @lit/react, so properties
 * such as `getKs` and `resolveUsers` are set as properties and the kit's events become `on…` props).
 * Works with React 18 and 19. Importing this module registers the elements.
 */
import { type EventName, createComponent } from '@lit/react';
import * as React from 'react';
// The per-element entries register the elements as they load.
import { KalBadgeProgress } from '../components/badge-progress/define.js';
import { KalEventAgenda } from '../components/event-agenda/define.js';
import { KalLeaderboard } from '../components/leaderboard/define.js';
import { KalRoomEmbed } from '../components/room-embed/define.js';
import type { KalEventDetails } from '../components/shared/events.js';
export type * from './jsx.js';
import { KalPrefGroup, KalUnsubscribePrefs } from '../components/unsubscribe-prefs/define.js';

type KitEvent<K extends keyof KalEventDetails> = EventName<CustomEvent<KalEventDetails[K]>>;

/** `kal-rank-change` → `onKalRankChange`: the prop name React code uses for a kit event. */
type PropOf<K extends string> = K extends `kal-${infer Rest}` ? `onKal${Capitalize<CamelCase<Rest>>}` : never;
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
type EventProps<K extends keyof KalEventDetails> = { [E in K as PropOf<E>]: KitEvent<E> };

const propOf = (event: string) => `on${event.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase())}`;

/** One React component for one element: its own events plus `kal-load` and `kal-error`, as `on…` props. */
function wrap<E extends HTMLElement, K extends keyof KalEventDetails = never>(displayName: string, tagName: string, elementClass: new () => E, events: K[] = []) {
  const all = ['kal-load', 'kal-error', ...events] as Array<keyof KalEventDetails>;
  return createComponent({
    react: React,
    tagName,
    elementClass,
    events: Object.fromEntries(all.map((event) => [propOf(event), event])) as unknown as EventProps<K | 'kal-load' | 'kal-error'>,
    displayName,
  });
}

// The kit's elements, one row each.
export const Leaderboard = wrap('Leaderboard', 'kal-leaderboard', KalLeaderboard, ['kal-rank-change']);
export const BadgeProgress = wrap('BadgeProgress', 'kal-badge-progress', KalBadgeProgress, ['kal-badge-achieved']);
export const RoomEmbed = wrap('RoomEmbed', 'kal-room-embed', KalRoomEmbed, ['kal-room-join', 'kal-room-leave']);
export const UnsubscribePrefs = wrap('UnsubscribePrefs', 'kal-unsubscribe-prefs', KalUnsubscribePrefs, ['kal-prefs-saved']);
export const PrefGroup = wrap('PrefGroup', 'kal-pref-group', KalPrefGroup);
export const EventAgenda = wrap('EventAgenda', 'kal-event-agenda', KalEventAgenda);
