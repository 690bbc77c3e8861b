import { postJson } from './client.js';
import type { ApiContext } from './context.js';
import { KalError } from './errors.js';
import { gameBase } from './regions.js';
import * as z from 'zod/mini';
import { type Infer, id, listOf, numberLike, optional, optionalText, toDate } from './schema.js';

// optional() reads null as undefined: fields below are never null.
// Game Services (SCM) guide: leaderboards (4) and user scores (10), POST JSON. Badges (7): badges.ts,
// its own module so that a page without the badge element never downloads it.

export type LeaderboardStatus = 'scheduled' | 'enabled' | 'disabled';

const leaderboardSchema = z.object({
  id,
  name: z.string(),
  description: optionalText,
  status: optional(z.string()),
  startDate: optionalText,
  endDate: optionalText,
  subLeaderboards: optional(z.array(z.object({ id, name: optionalText }))),
});

export interface SubLeaderboard {
  id: string;
  name: string;
}

export interface Leaderboard {
  id: string;
  name: string;
  description?: string;
  status: LeaderboardStatus;
  startDate?: Date;
  endDate?: Date;
  subLeaderboards: SubLeaderboard[];
}

// The v3 plugin names name fields differently across versions; accept any of them.
const scoreRowSchema = z.object({
  userId: id,
  rank: optional(numberLike),
  score: numberLike,
  oldRank: optional(numberLike),
  fullName: optionalText,
  name: optionalText,
  displayName: optionalText,
  screenName: optionalText,
  avatarUrl: optionalText,
  hiddenFromOthers: optional(z.boolean()),
});

export interface ScoreRow {
  userId: string;
  /** 1-based, whatever the service uses. */
  rank: number;
  score: number;
  /** 1-based previous rank, when the service tells it. */
  oldRank?: number;
  name?: string;
  avatarUrl?: string;
  /** The viewer's own row under a `do_not_display` policy: only they see it (the Game proxy marks it). */
  hiddenFromOthers?: boolean;
}

export interface ScorePage {
  totalCount: number;
  rows: ScoreRow[];
}

export async function getLeaderboard(api: ApiContext, id: string): Promise<Leaderboard> {
  const raw = await postJson({
    ...api,
    url: `${gameBase(api.urls)}/leaderboard/get`,
    body: { id },
    schema: leaderboardSchema,
    dedupe: true,
  });
  return {
    id: String(raw.id),
    name: raw.name,
    description: raw.description,
    status: toStatus(raw.status),
    startDate: toDate(raw.startDate),
    endDate: toDate(raw.endDate),
    subLeaderboards: (raw.subLeaderboards ?? []).map((sub, index) => ({
      id: String(sub.id),
      name: sub.name || `#${index + 1}`,
    })),
  };
}

export interface ScoreQuery {
  leaderboardId: string;
  subLeaderboardId?: string;
  /** 1-based, as the guide's pager. */
  pageIndex: number;
  pageSize: number;
}

/** Whether a board numbers ranks from 0 (the v3 plugin may) or 1, learnt from the pages seen. */
const zeroBasedBoards = new Map<string, boolean>();

export async function listUserScores(api: ApiContext, query: ScoreQuery): Promise<ScorePage> {
  const body: Record<string, unknown> = {
    gameObjectId: query.leaderboardId,
    gameObjectType: 'leaderboard',
    pager: { pageSize: query.pageSize, pageIndex: query.pageIndex },
  };
  if (query.subLeaderboardId !== undefined) body.subLeaderboardId = Number(query.subLeaderboardId);
  const raw = await postJson({
    ...api,
    url: `${gameBase(api.urls)}/userScore/list`,
    body,
    schema: listOf(scoreRowSchema),
    dedupe: true,
  });
  const offset = (query.pageIndex - 1) * query.pageSize;
  const boardKey = `${query.leaderboardId}/${query.subLeaderboardId ?? ''}`;
  const first = raw.objects[0]?.rank;
  if (raw.objects.some((row) => row.rank === 0) || (offset > 0 && first === offset)) zeroBasedBoards.set(boardKey, true);
  else if (first !== undefined) zeroBasedBoards.set(boardKey, false);
  const shift = zeroBasedBoards.get(boardKey) ? 1 : 0;
  const rows = raw.objects.map((row, index) => toRow(row, shift, offset + index + 1));
  return { totalCount: Math.max(raw.totalCount ?? rows.length, offset + rows.length), rows };
}

/**
 * The viewer's own row (guide 10.1); undefined when they have no score yet (404). The Game proxy adds
 * the `userId` the guide requires, taken from the viewer's verified KS, so the page need not know it (a
 * v2 KS is encrypted); a known one is sent too. A service that insists on a `userId` the page could not
 * give (400) gives undefined, and the board is shown without the viewer's row. `listed`: a read of the
 * board's rows made alongside (not before) this one: ranks are converted once it settled, since it
 * tells whether the board counts from 0.
 */
export async function getUserScore(
  api: ApiContext,
  leaderboardId: string,
  userId: string | undefined,
  listed?: Promise<unknown>,
): Promise<ScoreRow | undefined> {
  try {
    const raw = await postJson({
      ...api,
      url: `${gameBase(api.urls)}/userScore/get`,
      body: userId === undefined ? { gameObjectId: leaderboardId } : { gameObjectId: leaderboardId, userId },
      schema: scoreRowSchema,
      dedupe: true,
    });
    if (raw.rank === undefined) return undefined;
    await listed?.catch(() => undefined);
    return toRow(raw, zeroBasedBoards.get(`${leaderboardId}/`) ? 1 : 0, 0);
  } catch (error) {
    const unknownViewer = userId === undefined && error instanceof KalError && error.code === 'config';
    if (unknownViewer || (error instanceof KalError && error.code === 'not-found')) return undefined;
    throw error;
  }
}

function toRow(row: Infer<typeof scoreRowSchema>, shift: number, fallbackRank: number): ScoreRow {
  const rank = row.rank === undefined ? fallbackRank : row.rank + shift;
  const name = row.fullName || row.name || row.displayName || row.screenName || undefined;
  const oldRank = row.oldRank === undefined ? undefined : row.oldRank + shift;
  return {
    userId: String(row.userId),
    rank,
    score: row.score,
    ...(oldRank !== undefined && oldRank > 0 ? { oldRank } : {}),
    ...(name ? { name } : {}),
    ...(row.avatarUrl ? { avatarUrl: row.avatarUrl } : {}),
    ...(row.hiddenFromOthers ? { hiddenFromOthers: true } : {}),
  };
}

function toStatus(status: string | null | undefined): LeaderboardStatus {
  const value = (status ?? '').toLowerCase();
  return value === 'scheduled' || value === 'disabled' ? value : 'enabled';
}
