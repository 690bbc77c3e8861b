import { postJson } from './client.js';
import type { ApiContext } from './context.js';
import { gameBase } from './regions.js';
import * as z from 'zod/mini';
import { id, numberLike, optional, optionalText, toDate } from './schema.js';

// userScore/ruleProgress (Game Services guide 10.3): the guide documents the request only. Read
// leniently: the rules as `rulesData` (the guide's per-rule vocabulary, 7.2) or `objects`, each naming
// its rule by `id` or `ruleId`, with the rule's `name`, `goal` and the `points` it earned when given.
const ruleSchema = z.object({
  id: optional(id),
  ruleId: optional(id),
  name: optionalText,
  goal: optional(numberLike),
  progress: optional(numberLike),
  completed: optional(z.boolean()),
  points: optional(numberLike),
});
const progressSchema = z.object({
  rulesData: optional(z.array(ruleSchema)),
  objects: optional(z.array(ruleSchema)),
  status: optionalText,
  achievedTimestamp: optional(id),
});

export interface RuleProgress {
  ruleId: string;
  progress: number;
  completed: boolean;
  /** What the answer says of the rule itself, when it says it. */
  name?: string;
  goal?: number;
  points?: number;
}

export interface GameObjectProgress {
  rules: RuleProgress[];
  /** As answered (badges: `ACHIEVED` / `IN_PROGRESS`); undefined when not given. */
  status?: string;
  achievedAt?: Date;
}

/**
 * The viewer's progress on one game object's rules (a badge, a certificate, a leaderboard). The Game
 * proxy sends it with the viewer's `userId` from their verified KS; a known `userId` is sent as well.
 * Rules that name no rule id are dropped.
 */
export async function getRuleProgress(api: ApiContext, gameObjectId: string, userId?: string): Promise<GameObjectProgress> {
  const raw = await postJson({
    ...api,
    url: `${gameBase(api.urls)}/userScore/ruleProgress`,
    body: { gameObjectId, ...(userId ? { userId } : {}) },
    schema: progressSchema,
    dedupe: true,
  });
  const rules = (raw.rulesData ?? raw.objects ?? []).flatMap((rule): RuleProgress[] => {
    const ruleId = rule.id ?? rule.ruleId;
    if (ruleId === undefined) return [];
    return [
      {
        ruleId: String(ruleId),
        progress: rule.progress ?? 0,
        completed: rule.completed ?? false,
        ...(rule.name ? { name: rule.name } : {}),
        ...(rule.goal === undefined ? {} : { goal: rule.goal }),
        ...(rule.points === undefined ? {} : { points: rule.points }),
      },
    ];
  });
  const achievedAt = toDate(raw.achievedTimestamp);
  return { rules, ...(raw.status ? { status: raw.status } : {}), ...(achievedAt ? { achievedAt } : {}) };
}
