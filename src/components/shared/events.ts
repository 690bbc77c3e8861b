import type { KalErrorDetail } from '../../api/errors.js';

/** Every event the kit emits, with its detail. All bubble and cross shadow roots. */
export interface KalEventDetails {
  'kal-load': { count?: number };
  'kal-error': KalErrorDetail;
  'kal-rank-change': { userId: string; from: number; to: number };
  'kal-badge-achieved': { badgeId: string; achievedAt: string };
  /** `entryId` for a `perEntry` certificate (each entry is certified on its own). */
  'kal-certified': { certificateId: string; entryId?: string; certifiedAt: string };
  'kal-prefs-saved': { subscribed: string[]; unsubscribed: string[] };
  'kal-room-join': { entryId: string };
  'kal-room-leave': { entryId: string };
}

export type KalEventName = keyof KalEventDetails;

declare global {
  interface HTMLElementEventMap {
    'kal-load': CustomEvent<KalEventDetails['kal-load']>;
    'kal-error': CustomEvent<KalEventDetails['kal-error']>;
    'kal-rank-change': CustomEvent<KalEventDetails['kal-rank-change']>;
    'kal-badge-achieved': CustomEvent<KalEventDetails['kal-badge-achieved']>;
    'kal-certified': CustomEvent<KalEventDetails['kal-certified']>;
    'kal-prefs-saved': CustomEvent<KalEventDetails['kal-prefs-saved']>;
    'kal-room-join': CustomEvent<KalEventDetails['kal-room-join']>;
    'kal-room-leave': CustomEvent<KalEventDetails['kal-room-leave']>;
  }
}
