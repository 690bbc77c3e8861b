/**
 * JSX types for using the elements directly in React 19 (which sets properties on custom elements
 * and listens to their events natively): `<kal-leaderboard leaderboard-id="…" onkal-load={…} />`.
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { KalBadgeProgress } from '../components/badge-progress/kal-badge-progress.js';
import type { KalEventAgenda } from '../components/event-agenda/kal-event-agenda.js';
import type { KalLeaderboard } from '../components/leaderboard/kal-leaderboard.js';
import type { KalRoomEmbed } from '../components/room-embed/kal-room-embed.js';
import type { KalEventDetails } from '../components/shared/events.js';
import type { KalPrefGroup } from '../components/unsubscribe-prefs/kal-pref-group.js';
import type { KalUnsubscribePrefs } from '../components/unsubscribe-prefs/kal-unsubscribe-prefs.js';

type Handler<K extends keyof KalEventDetails> = (event: CustomEvent<KalEventDetails[K]>) => void;

interface CommonProps<E> extends HTMLAttributes<E>, RefAttributes<E> {
  'partner-id'?: number | string;
  region?: string;
  'game-url'?: string;
  'messaging-url'?: string;
  'events-url'?: string;
  'token-endpoint'?: string;
  theme?: 'auto' | 'light' | 'dark';
  getKs?: E extends { getKs?: infer G } ? G : never;
  class?: string;
  'onkal-load'?: Handler<'kal-load'>;
  'onkal-error'?: Handler<'kal-error'>;
}

export interface LeaderboardJsxProps extends CommonProps<KalLeaderboard> {
  'leaderboard-id'?: string;
  'page-size'?: number | string;
  'user-id'?: string;
  'sub-leaderboard'?: string;
  live?: boolean;
  'refresh-interval'?: number | string;
  layout?: 'table' | 'scroll';
  resolveUsers?: KalLeaderboard['resolveUsers'];
  'onkal-rank-change'?: Handler<'kal-rank-change'>;
}

export interface BadgeProgressJsxProps extends CommonProps<KalBadgeProgress> {
  'badge-ids'?: string;
  'virtual-event-id'?: string;
  'user-id'?: string;
  layout?: KalBadgeProgress['layout'];
  sort?: KalBadgeProgress['sort'];
  live?: boolean;
  'refresh-interval'?: number | string;
  'onkal-badge-achieved'?: Handler<'kal-badge-achieved'>;
}

export interface RoomEmbedJsxProps extends CommonProps<KalRoomEmbed> {
  'kaf-host'?: string;
  'kaf-url'?: string;
  'entry-id'?: string;
  'room-name'?: string;
  poster?: string;
  join?: 'click' | 'auto';
  'load-timeout'?: number | string;
  'onkal-room-join'?: Handler<'kal-room-join'>;
  'onkal-room-leave'?: Handler<'kal-room-leave'>;
}

export interface UnsubscribePrefsJsxProps extends CommonProps<KalUnsubscribePrefs> {
  'ks-param'?: string;
  'unsubscribe-group'?: string;
  'onkal-prefs-saved'?: Handler<'kal-prefs-saved'>;
}

export interface PrefGroupJsxProps extends HTMLAttributes<KalPrefGroup>, RefAttributes<KalPrefGroup> {
  'group-id': string;
  label?: string;
  description?: string;
}

export interface EventAgendaJsxProps extends CommonProps<KalEventAgenda> {
  'event-id'?: number | string;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'kal-leaderboard': LeaderboardJsxProps;
      'kal-badge-progress': BadgeProgressJsxProps;
      'kal-room-embed': RoomEmbedJsxProps;
      'kal-unsubscribe-prefs': UnsubscribePrefsJsxProps;
      'kal-pref-group': PrefGroupJsxProps;
      'kal-event-agenda': EventAgendaJsxProps;
    }
  }
}
