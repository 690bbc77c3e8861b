/**
 * `kaltura-widgets/react`: React components for each element (made with @lit/react, so properties
 * such as `getKs` and `resolveUsers` are set as properties and the kit's events become `on…` props).
 * Works with React 18 and 19. Importing this module registers the elements.
 */
import { type EventName, createComponent } from '@lit/react';
import * as React from 'react';
// The per-element entries register the elements as they load.
import { KalBadgeProgress } from '../components/badge-progress/define.js';
import { KalLeaderboard } from '../components/leaderboard/define.js';
import { KalRoomEmbed } from '../components/room-embed/define.js';
import type { KalEventDetails } from '../components/shared/events.js';
export type * from './jsx.js';
import { KalPrefGroup, KalUnsubscribePrefs } from '../components/unsubscribe-prefs/define.js';

type KitEvent<K extends keyof KalEventDetails> = EventName<CustomEvent<KalEventDetails[K]>>;

const common = {
  onKalLoad: 'kal-load' as KitEvent<'kal-load'>,
  onKalError: 'kal-error' as KitEvent<'kal-error'>,
};

export const Leaderboard = createComponent({
  react: React,
  tagName: 'kal-leaderboard',
  elementClass: KalLeaderboard,
  events: { ...common, onKalRankChange: 'kal-rank-change' as KitEvent<'kal-rank-change'> },
  displayName: 'Leaderboard',
});

export const BadgeProgress = createComponent({
  react: React,
  tagName: 'kal-badge-progress',
  elementClass: KalBadgeProgress,
  events: { ...common, onKalBadgeAchieved: 'kal-badge-achieved' as KitEvent<'kal-badge-achieved'> },
  displayName: 'BadgeProgress',
});

export const RoomEmbed = createComponent({
  react: React,
  tagName: 'kal-room-embed',
  elementClass: KalRoomEmbed,
  events: {
    ...common,
    onKalRoomJoin: 'kal-room-join' as KitEvent<'kal-room-join'>,
    onKalRoomLeave: 'kal-room-leave' as KitEvent<'kal-room-leave'>,
  },
  displayName: 'RoomEmbed',
});

export const UnsubscribePrefs = createComponent({
  react: React,
  tagName: 'kal-unsubscribe-prefs',
  elementClass: KalUnsubscribePrefs,
  events: { ...common, onKalPrefsSaved: 'kal-prefs-saved' as KitEvent<'kal-prefs-saved'> },
  displayName: 'UnsubscribePrefs',
});

export const PrefGroup = createComponent({
  react: React,
  tagName: 'kal-pref-group',
  elementClass: KalPrefGroup,
  displayName: 'PrefGroup',
});
