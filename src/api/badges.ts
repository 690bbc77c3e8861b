import { postJson } from './client.js';
import type { ApiContext } from './context.js';
import { gameBase } from './regions.js';
import * as z from 'zod/mini';
import { type RuleProgress, getRuleProgress } from './rule-progress.js';
import { type Infer, id, listOf, numberLike, optional, optionalText } from './schema.js';

// Game Services (SCM) guide: badges (7), per-rule progress (10.3), standard list filters (14.3). All POST JSON.

const badgeSchema = z.object({
  id,
  name: z.string(),
  description: optionalText,
  iconUrl: optionalText,
  virtualEventIds: optional(z.array(id)),
  rules: optional(z.array(z.object({ id: optional(id), name: optionalText, goal: optional(numberLike) }))),
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

/** The Game proxy's page limit, and how far a search pages before it stops (2 000 badges). */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/**
 * Badge definitions by id, or all of one virtual event. The guide documents `pager` and the standard
 * `filter.idIn` on list actions (14.3) but no event filter, so an event's badges are found by reading
 * each badge's `virtualEventIds`, and a service that ignores `idIn` is paged until every id is found.
 */
export async function listBadges(api: ApiContext, query: BadgeQuery): Promise<Badge[]> {
  const wanted = query.ids?.length ? new Set(query.ids) : undefined;
  const found: Badge[] = [];
  for (let pageIndex = 1; pageIndex <= MAX_PAGES; pageIndex++) {
    const page = await postJson({
      ...api,
      url: `${gameBase(api.urls)}/badge/list`,
      body: { ...(wanted ? { filter: { idIn: [...wanted] } } : {}), pager: { pageSize: PAGE_SIZE, pageIndex } },
      schema: listOf(badgeSchema),
      dedupe: true,
    });
    for (const raw of page.objects) {
      const badge = toBadge(raw);
      if (wanted ? wanted.has(badge.id) : raw.virtualEventIds?.some((event) => String(event) === query.virtualEventId)) {
        if (!found.some((seen) => seen.id === badge.id)) found.push(badge);
      }
    }
    const read = (pageIndex - 1) * PAGE_SIZE + page.objects.length;
    const complete = wanted ? found.length === wanted.size : false;
    if (complete || page.objects.length < PAGE_SIZE || read >= (page.totalCount ?? read)) break;
  }
  return found;
}

function toBadge(raw: Infer<typeof badgeSchema>): Badge {
  return {
    id: String(raw.id),
    name: raw.name,
    description: raw.description,
    iconUrl: raw.iconUrl,
    rules: (raw.rules ?? []).map((rule, index) => ({
      id: rule.id === undefined ? `#${index}` : String(rule.id),
      name: rule.name ?? '',
      goal: rule.goal ?? 1,
    })),
  };
}

export interface UserBadge {
  badgeId: string;
  achieved: boolean;
  achievedAt?: Date;
  rules: RuleProgress[];
}

/**
 * The viewer's progress on each badge: `userScore/ruleProgress` with the badge as `gameObjectId` (10.3),
 * one call per badge. The Game proxy sends it with the viewer's `userId` from their verified KS; a known
 * `userId` is sent as well. A badge whose status is missing counts as achieved when every rule is complete.
 */
export async function listUserBadges(api: ApiContext, userId: string | undefined, badgeIds: string[]): Promise<UserBadge[]> {
  return Promise.all(
    badgeIds.map(async (badgeId) => {
      const { rules, status, achievedAt } = await getRuleProgress(api, badgeId, userId);
      const achieved = status ? status.toUpperCase() === 'ACHIEVED' : rules.length > 0 && rules.every((rule) => rule.completed);
      return { badgeId, achieved, rules, ...(achieved ? { achievedAt } : {}) };
    }),
  );
}
