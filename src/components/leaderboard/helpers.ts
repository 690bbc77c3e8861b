import { KalError } from '../../api/errors.js';
import type { ScoreRow } from '../../api/game.js';

/** What a host's `resolveUsers` answers: display names (and avatars) by user id. */
export type ResolvedUsers = Record<string, { name: string; avatarUrl?: string }>;

/** Host callback turning user ids into display names; called at most once per page of rows. */
export type ResolveUsers = (ids: string[]) => Promise<ResolvedUsers>;

export type LeaderboardLayout = 'table' | 'scroll';

/** A score row as shown: its label, whether it is the viewer's, and how far it moved. */
export interface DisplayRow extends ScoreRow {
  label: string;
  avatar?: string;
  self: boolean;
  /** Places moved since the last refresh: positive is up. */
  move?: number;
}

export const DEFAULT_PAGE_SIZE = 10;
/** At most this many pages are re-read by a scroll layout's live refresh (those in view). */
export const MAX_REFRESH_PAGES = 3;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_REFRESH_SECONDS = 30;
export const MIN_REFRESH_SECONDS = 5;

/**
 * A user id a stranger may see: never a whole email address. `ada.lovelace@example.com` becomes
 * `ada…@example.com` (one letter when the local part is short); plain ids (`user-42`, a country)
 * stay as they are, long ones are shortened.
 */
export function privacySafeId(id: string): string {
  const text = id.trim();
  const at = text.lastIndexOf('@');
  if (at > 0 && at < text.length - 1) {
    const local = text.slice(0, at);
    const domain = text.slice(at + 1);
    const keep = local.length > 4 ? 3 : 1;
    return `${local.slice(0, keep)}…@${domain}`;
  }
  if (at === 0 || at === text.length - 1) return text.replace(/@/g, '') || '…';
  return text.length > 32 ? `${text.slice(0, 30)}…` : text;
}

/** The element's attributes, checked: anything unusable is a `config` KalError naming the attribute. */
export interface LeaderboardSettings {
  leaderboardId: string;
  pageSize: number;
  refreshSeconds: number;
  layout: LeaderboardLayout;
}

export function checkSettings(input: {
  leaderboardId: unknown;
  pageSize: unknown;
  refreshInterval: unknown;
  layout: unknown;
}): LeaderboardSettings {
  const leaderboardId = typeof input.leaderboardId === 'string' ? input.leaderboardId.trim() : '';
  if (!leaderboardId) throw new KalError('config', 'kal-leaderboard: the leaderboard-id attribute is required');
  const pageSize = Number(input.pageSize ?? DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new KalError(
      'config',
      `kal-leaderboard: page-size must be a whole number from 1 to ${MAX_PAGE_SIZE} (got "${String(input.pageSize)}")`,
    );
  }
  const refresh = Number(input.refreshInterval ?? DEFAULT_REFRESH_SECONDS);
  if (!Number.isFinite(refresh) || refresh <= 0) {
    throw new KalError(
      'config',
      `kal-leaderboard: refresh-interval must be a positive number of seconds (got "${String(input.refreshInterval)}")`,
    );
  }
  const layout = input.layout ?? 'table';
  if (layout !== 'table' && layout !== 'scroll') {
    throw new KalError('config', `kal-leaderboard: layout must be "table" or "scroll" (got "${String(layout)}")`);
  }
  // Below the minimum is clamped rather than refused: the widget keeps working, the service is spared.
  return { leaderboardId, pageSize, refreshSeconds: Math.max(MIN_REFRESH_SECONDS, refresh), layout };
}

/** Seconds between live refreshes for a raw attribute value (the minimum when unusable). */
export function refreshSeconds(value: unknown): number {
  const seconds = Number(value ?? DEFAULT_REFRESH_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? Math.max(MIN_REFRESH_SECONDS, seconds) : DEFAULT_REFRESH_SECONDS;
}

/** The largest unit that fits, for `Intl.RelativeTimeFormat` ("2 min. ago"). */
export function relativeParts(elapsedMs: number): [number, Intl.RelativeTimeFormatUnit] {
  const seconds = Math.max(0, Math.round(elapsedMs / 1000));
  if (seconds < 60) return [-seconds, 'second'];
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return [-minutes, 'minute'];
  const hours = Math.round(minutes / 60);
  if (hours < 24) return [-hours, 'hour'];
  return [-Math.round(hours / 24), 'day'];
}

/**
 * Where page `index` (1-based) starts among the loaded rows. Pages are counted by what each one
 * brought, not by the page size: a Game proxy leaves out people the organiser hides, so a page may
 * hold fewer rows than asked.
 */
export function pageStart(pageLengths: readonly number[], index: number): number {
  let start = 0;
  for (let page = 0; page < index - 1 && page < pageLengths.length; page++) start += pageLengths[page]!;
  return start;
}

/** The loaded pages (1-based, at most `max`) that hold rows `first`..`last`; page 1 when none is loaded. */
export function pagesOfRows(pageLengths: readonly number[], first: number, last: number, max: number): number[] {
  const pages: number[] = [];
  let start = 0;
  for (let page = 0; page < pageLengths.length && pages.length < max; page++) {
    const end = start + pageLengths[page]!;
    // An empty page (every row on it hidden) counts where it stands.
    if ((end > first || start >= first) && start <= last) pages.push(page + 1);
    start = end;
  }
  return pages.length ? pages : [1];
}
