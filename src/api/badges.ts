import { postJson } from './client.js';
import type { ApiContext } from './context.js';
import { array, boolean, id, listOf, numberLike, object, optional, optionalText, string, toDate } from './schema.js';

// Game Services (SCM) guide, badges (7). All POST JSON.

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
      description: badge.description,
      iconUrl: badge.iconUrl,
      rules: (badge.rules ?? []).map((rule, index) => ({
        id: rule.id === undefined ? `#${index}` : String(rule.id),
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
      (candidate) => candidate.gameObjectId === undefined || String(candidate.gameObjectId) === badgeId,
    );
    const row = userId
      ? ofBadge.find((candidate) => candidate.userId === undefined || String(candidate.userId) === userId)
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
