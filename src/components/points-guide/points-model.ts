// Pure helpers of <kal-points-guide>: no DOM, no fetch. A leaderboard's rules + the viewer's progress → the ways to earn points shown.
import type { GameObjectProgress, RuleProgress } from '../../api/rule-progress.js';
import type { Rule } from '../../api/rules.js';

/**
 * How far a rule's cap reaches (guide 6.1: `maxPoints` caps the points of a `groupBy` scope):
 * - `total`: the viewer's own points from the rule (grouped by user only), so it can be used up;
 * - `each`: each video (`entryId`) or other item of the scope has its own cap ("max 100 per session",
 *   guide 15.1), so the rule stays open;
 * - `none`: `unlimited`; `unknown`: dynamic, missing or unreadable.
 */
export type Cap =
  | { kind: 'total'; max: number }
  | { kind: 'each'; max: number; per: 'video' | 'item' }
  | { kind: 'none' }
  | { kind: 'unknown' };

export type WayState = 'open' | 'done';

export interface WayView {
  id: string;
  /** '' when the rule has none. */
  name: string;
  /** Its place in the service's order (0-based): an unnamed rule is called by it. */
  order: number;
  description?: string;
  /** Points per award; undefined when they vary (taken from the event). */
  points?: number;
  cap: Cap;
  /** Points the viewer earned from the rule, at most the cap when it is `total`. */
  earned: number;
  /** `done` once a `total` cap is reached: nothing more to earn from it. */
  state: WayState;
  /** 0…1 of a `total` cap (the bar's filled share); 0 otherwise. */
  fraction: number;
}

/** The scope field of one video in the guide's rules (`groupBy: "kuserId,entryId"`). */
const ENTRY_FIELD = 'entryId';
/** The user's own field: a rule grouped by it alone caps the user's total. */
const USER_FIELD = 'kuserId';

function capOf(rule: Rule): Cap {
  const max = rule.maxPoints;
  if (max === 'unlimited') return { kind: 'none' };
  if (max === undefined || max <= 0) return { kind: 'unknown' };
  const scope = rule.groupBy.filter((field) => field !== USER_FIELD);
  if (scope.length === 0) return { kind: 'total', max };
  return { kind: 'each', max, per: scope.includes(ENTRY_FIELD) ? 'video' : 'item' };
}

/**
 * Points a rule earned: the service's `points` when it says, else what the progress paid out (each
 * reached goal pays the rule's points), else 0.
 */
function earnedOf(rule: Rule, progress: RuleProgress | undefined): number {
  if (!progress) return 0;
  if (progress.points !== undefined) return Math.max(0, progress.points);
  if (rule.points === undefined || !rule.goal || rule.goal <= 0) return 0;
  return Math.max(0, Math.floor(progress.progress / rule.goal) * rule.points);
}

/**
 * The ways to earn points: the rules that give points (enabled, `distribute_points` or no mode),
 * joined with the viewer's progress by rule id. Progress for rules the list does not have is ignored.
 */
export function joinWays(rules: readonly Rule[], progress: GameObjectProgress): WayView[] {
  const byRule = new Map(progress.rules.map((row) => [row.ruleId, row]));
  return rules
    .filter((rule) => rule.status !== 'disabled' && (rule.mode === undefined || rule.mode === 'distribute_points'))
    .map((rule, order): WayView => {
      const cap = capOf(rule);
      const earned = earnedOf(rule, byRule.get(rule.id));
      const done = cap.kind === 'total' && earned >= cap.max;
      return {
        id: rule.id,
        name: rule.name,
        order,
        ...(rule.description ? { description: rule.description } : {}),
        ...(rule.points === undefined ? {} : { points: rule.points }),
        cap,
        earned: cap.kind === 'total' ? Math.min(earned, cap.max) : earned,
        state: done ? 'done' : 'open',
        fraction: cap.kind === 'total' ? Math.min(1, earned / cap.max) : 0,
      };
    });
}

/**
 * Open ways first, the most points per award first (varying points after fixed ones), then the
 * ways used up in the same order; ties keep the service's order.
 */
export function sortWays(ways: readonly WayView[]): WayView[] {
  const weight = (way: WayView) => (way.state === 'done' ? 1 : 0);
  const points = (way: WayView) => way.points ?? -Infinity;
  // Two varying ways compare as NaN: `|| 0` keeps their order.
  return [...ways].sort((a, b) => weight(a) - weight(b) || points(b) - points(a) || 0);
}

/** Ways used up in `next` that were shown open in `previous`. */
export function newlyDone(previous: readonly WayView[], next: readonly WayView[]): WayView[] {
  const before = new Map(previous.map((way) => [way.id, way.state]));
  return next.filter((way) => way.state === 'done' && before.get(way.id) === 'open');
}
