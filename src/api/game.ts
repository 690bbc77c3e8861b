import { postJson } from './client.js';
import type { ApiContext } from './context.js';
import { KalError } from './errors.js';
import { type Infer, array, boolean, id, listOf, numberLike, object, optional, optionalText, string } from './schema.js';

// Game Services (SCM) guide: leaderboards (4), badges (7), user scores (10). All POST JSON.

export type LeaderboardStatus = 'scheduled' | 'enabled' | 'disabled';

const leaderboardSchema = object({
  id,
  name: string,
  description: optionalText,
  status: optional(string),
  startDate: optionalText,
  endDate: optionalText,
  subLeaderboards: optional(array(object({ id, name: optionalText }))),
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
const scoreRowSchema = object({
  userId: id,
  rank: optional(numberLike),
  score: numberLike,
  oldRank: optional(numberLike),
  fullName: optionalText,
  name: optionalText,
  displayName: optionalText,
  screenName: optionalText,
  avatarUrl: optionalText,
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
}

export interface ScorePage {
  totalCount: number;
  rows: ScoreRow[];
}

export async function getLeaderboard(api: ApiContext, id: string): Promise<Leaderboard> {
  const raw = await postJson({
    ...api,
    url: `${api.urls.game}/leaderboard/get`,
    body: { id },
    schema: leaderboardSchema,
    dedupe: true,
  });
  return {
    id: String(raw.id),
    name: raw.name,
    description: raw.description ?? undefined,
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
    url: `${api.urls.game}/userScore/list`,
    body,
    schema: listOf(scoreRowSchema),
    dedupe: true,
  });
  const offset = (query.pageIndex - 1) * query.pageSize;
  const boardKey = `${query.leaderboardId}/${query.subLeaderboardId ?? ''}`;
  const first = raw.objects[0]?.rank;
  if (raw.objects.some((row) => row.rank === 0) || (offset > 0 && first === offset)) zeroBasedBoards.set(boardKey, true);
  else if (first !== undefined && first !== null) zeroBasedBoards.set(boardKey, false);
  const shift = zeroBasedBoards.get(boardKey) ? 1 : 0;
  const rows = raw.objects.map((row, index) => toRow(row, shift, offset + index + 1));
  return { totalCount: Math.max(raw.totalCount ?? rows.length, offset + rows.length), rows };
}

/**
 * The viewer's own row; undefined when they have no score yet (404). Without `userId` (a v2 KS is
 * encrypted, so the page cannot tell who the viewer is) the body leaves it out: with a USER KS,
 * `userScore/get` answers about the KS's own user; a service that insists on a `userId` (400) gives
 * undefined and the board is shown without the viewer's row. `listed`: a read of the board's rows
 * made alongside (not before) this one: ranks are converted once it settled, since it tells whether
 * the board counts from 0.
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
      url: `${api.urls.game}/userScore/get`,
      body: userId === undefined ? { gameObjectId: leaderboardId } : { gameObjectId: leaderboardId, userId },
      schema: scoreRowSchema,
      dedupe: true,
    });
    if (raw.rank === undefined || raw.rank === null) return undefined;
    await listed?.catch(() => undefined);
    return toRow(raw, zeroBasedBoards.get(`${leaderboardId}/`) ? 1 : 0, 0);
  } catch (error) {
    const unknownViewer = userId === undefined && error instanceof KalError && error.code === 'config';
    if (unknownViewer || (error instanceof KalError && error.code === 'not-found')) return undefined;
    throw error;
  }
}

function toRow(row: Infer<typeof scoreRowSchema>, shift: number, fallbackRank: number): ScoreRow {
  const rank = row.rank === undefined || row.rank === null ? fallbackRank : row.rank + shift;
  const name = row.fullName || row.name || row.displayName || row.screenName || undefined;
  const oldRank = row.oldRank === undefined || row.oldRank === null ? undefined : row.oldRank + shift;
  return {
    userId: String(row.userId),
    rank,
    score: row.score,
    ...(oldRank !== undefined && oldRank > 0 ? { oldRank } : {}),
    ...(name ? { name } : {}),
    ...(row.avatarUrl ? { avatarUrl: row.avatarUrl } : {}),
  };
}

const badgeSchema = object({
  id,
  name: string,
  description: optionalText,
  iconUrl: optionalText,
  rules: optional(array(object({ id: optional(id), name: optionalText, goal: optional(numberLike) }))),
});

export interface BadgeRule {
  id: string;
  name: string;
  goal: number;
}

export interface Badge {
  id: string;
  name: string;
  description?: string;
  iconUrl?: string;
  rules: BadgeRule[];
}

export interface BadgeQuery {
  ids?: string[];
  virtualEventId?: string;
}

/** Badge definitions: by id (`filter.idIn`) or all of one virtual event, one page of up to 500. */
export async function listBadges(api: ApiContext, query: BadgeQuery): Promise<Badge[]> {
  const filter: Record<string, unknown> = {};
  if (query.ids?.length) filter.idIn = query.ids;
  if (query.virtualEventId) filter.virtualEventIdIn = [query.virtualEventId];
  const raw = await postJson({
    ...api,
    url: `${api.urls.game}/badge/list`,
    body: { filter, pager: { pageSize: 500, pageIndex: 1 } },
    schema: listOf(badgeSchema),
    dedupe: true,
  });
  const wanted = query.ids ? new Set(query.ids) : undefined;
  return raw.objects
    .filter((badge) => !wanted || wanted.has(String(badge.id)))
    .map((badge) => ({
      id: String(badge.id),
      name: badge.name,
      description: badge.description ?? undefined,
      iconUrl: badge.iconUrl ?? undefined,
      rules: (badge.rules ?? []).map((rule, index) => ({
        id: rule.id === undefined || rule.id === null ? `#${index}` : String(rule.id),
        name: rule.name ?? '',
        goal: rule.goal ?? 1,
      })),
    }));
}

const userBadgeSchema = object({
  userId: optional(id),
  gameObjectId: optional(id),
  rulesData: optional(array(object({ id, progress: optional(numberLike), completed: optional(boolean) }))),
  status: optionalText,
  achievedTimestamp: optional(id),
});

export interface RuleProgress {
  ruleId: string;
  progress: number;
  completed: boolean;
}

export interface UserBadge {
  badgeId: string;
  achieved: boolean;
  achievedAt?: Date;
  rules: RuleProgress[];
}

/**
 * The viewer's progress on each badge (guide 7.4: `userBadge/list` per badge). Badges with no row are absent.
 *
 * `userId` may be left out: with a USER KS the service answers about the KS's own user, so the request
 * goes without one and the row returned is taken. Rows of several different users (an ADMIN KS behind a
 * proxy that did not scope the call) cannot be attributed to the viewer and are ignored.
 */
export async function listUserBadges(api: ApiContext, userId: string | undefined, badgeIds: string[]): Promise<UserBadge[]> {
  const pages = await Promise.all(
    badgeIds.map((badgeId) =>
      postJson({
        ...api,
        url: `${api.urls.game}/userBadge/list`,
        body: { gameObjectId: badgeId, ...(userId ? { userId } : {}), pager: { pageSize: 100, pageIndex: 1 } },
        schema: listOf(userBadgeSchema),
        dedupe: true,
      }).then((page) => ({ badgeId, page })),
    ),
  );
  const result: UserBadge[] = [];
  for (const { badgeId, page } of pages) {
    const ofBadge = page.objects.filter(
      (candidate) => candidate.gameObjectId === undefined || candidate.gameObjectId === null || String(candidate.gameObjectId) === badgeId,
    );
    const row = userId
      ? ofBadge.find((candidate) => candidate.userId === undefined || candidate.userId === null || String(candidate.userId) === userId)
      : new Set(ofBadge.map((candidate) => String(candidate.userId ?? ''))).size === 1
        ? ofBadge[0]
        : undefined;
    if (!row) continue;
    const rules = (row.rulesData ?? []).map((rule) => ({
      ruleId: String(rule.id),
      progress: rule.progress ?? 0,
      completed: rule.completed ?? false,
    }));
    const achieved = (row.status ?? '').toUpperCase() === 'ACHIEVED';
    result.push({ badgeId, achieved, rules, ...(achieved ? { achievedAt: toDate(row.achievedTimestamp) } : {}) });
  }
  return result;
}

function toStatus(status: string | null | undefined): LeaderboardStatus {
  const value = (status ?? '').toLowerCase();
  return value === 'scheduled' || value === 'disabled' ? value : 'enabled';
}

function toDate(value: string | number | null | undefined): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = typeof value === 'number' ? new Date(value < 1e12 ? value * 1000 : value) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
