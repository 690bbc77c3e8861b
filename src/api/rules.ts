import { postJson } from './client.js';
import type { ApiContext } from './context.js';
import { gameBase } from './regions.js';
import * as z from 'zod/mini';
import { type Infer, id, listOf, numberLike, optional, optionalText } from './schema.js';

// Game Services (SCM) guide: rules (6), POST JSON. The viewer's progress on them: rule-progress.ts.

/** A number, or text: the guide writes `points` and `maxPoints` as text ("50"), or names an event field ("score"), or "unlimited". */
const amount = optional(z.union([z.number(), z.string()]));

const ruleSchema = z.object({
  id: optional(id),
  name: optionalText,
  description: optionalText,
  goal: optional(numberLike),
  points: amount,
  maxPoints: amount,
  groupBy: optionalText,
  mode: optionalText,
  status: optionalText,
});

/** Who the rules of a game object are shown to decides which objects may be asked (guide 6.1). */
export type RuleOwner = 'leaderboard' | 'badge' | 'certificate';

export interface Rule {
  id: string;
  /** '' when the rule has none. */
  name: string;
  description?: string;
  goal?: number;
  /** Points per award; undefined when they come from the event (a field name such as "score"). */
  points?: number;
  /** The cap: a number of points, `unlimited`, or undefined when dynamic or missing. */
  maxPoints?: number | 'unlimited';
  /** The scope fields the rule counts by (guide 6.1: "kuserId" or "kuserId,entryId"). */
  groupBy: string[];
  /** `distribute_points`, `dont_distribute_points`, … (guide 6.3); undefined when not given. */
  mode?: string;
  /** `enabled` or `disabled`; undefined when not given. */
  status?: string;
}

/** The rules of one game object (guide 6.7, `rule/list`); the guide gives it no pager. */
export async function listRules(api: ApiContext, gameObjectType: RuleOwner, gameObjectId: string): Promise<Rule[]> {
  const raw = await postJson({
    ...api,
    url: `${gameBase(api.urls)}/rule/list`,
    body: { gameObjectType, gameObjectId },
    schema: listOf(ruleSchema),
    dedupe: true,
  });
  return raw.objects.map(toRule);
}

function toRule(raw: Infer<typeof ruleSchema>, index: number): Rule {
  const points = toAmount(raw.points);
  const maxPoints = String(raw.maxPoints ?? '').trim().toLowerCase() === 'unlimited' ? 'unlimited' : toAmount(raw.maxPoints);
  return {
    id: raw.id === undefined ? `#${index}` : String(raw.id),
    name: raw.name ?? '',
    ...(raw.description ? { description: raw.description } : {}),
    ...(raw.goal === undefined ? {} : { goal: raw.goal }),
    ...(points === undefined ? {} : { points }),
    ...(maxPoints === undefined ? {} : { maxPoints }),
    groupBy: (raw.groupBy ?? '').split(',').map((field) => field.trim()).filter(Boolean),
    ...(raw.mode ? { mode: raw.mode.toLowerCase() } : {}),
    ...(raw.status ? { status: raw.status.toLowerCase() } : {}),
  };
}

/** A fixed amount ("50" or 50); undefined for a field name, or anything that is not a finite number. */
function toAmount(value: number | string | undefined): number | undefined {
  const amount = numberLike.safeParse(value);
  return amount.success ? amount.data : undefined;
}
