// Pure helpers of <kal-badge-progress>: no DOM, no fetch. Definitions + the viewer's rows → what is shown.
import type { Badge, UserBadge } from '../../api/badges.js';

export type BadgeState = 'locked' | 'in-progress' | 'achieved';
export type BadgeLayout = 'grid' | 'list' | 'compact';
/** `definition` keeps the service's (definition) order: the default. */
export type BadgeSort = 'definition' | 'achieved-first' | 'achieved-last';

export const LAYOUTS: readonly BadgeLayout[] = ['grid', 'list', 'compact'];
export const SORTS: readonly BadgeSort[] = ['definition', 'achieved-first', 'achieved-last'];

export interface RuleView {
  id: string;
  /** The rule's name, or '' when the definition has none. */
  name: string;
  goal: number;
  /** The real number, even above the goal. */
  progress: number;
  completed: boolean;
  /** What the bar shows (`aria-valuenow`): 0…goal, the goal once the rule is completed. */
  barValue: number;
  /** 0…1: the bar's filled share. */
  fraction: number;
}

export interface BadgeView {
  id: string;
  name: string;
  description?: string;
  iconUrl?: string;
  state: BadgeState;
  achievedAt?: Date;
  rules: RuleView[];
}

/** `"a, b,,a"` → `['a', 'b']`: trimmed, no empties, no repeats, in order. */
export function parseIdList(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((id) => id.trim()).filter(Boolean))];
}

/**
 * Joins definitions with the viewer's progress by rule id. A rule with no progress is 0; progress for
 * rule ids the definition does not have is ignored; a badge with no row is locked.
 */
export function joinBadges(badges: readonly Badge[], progress: readonly UserBadge[]): BadgeView[] {
  const rows = new Map(progress.map((row) => [row.badgeId, row]));
  return badges.map((badge) => {
    const row = rows.get(badge.id);
    const byRule = new Map((row?.rules ?? []).map((rule) => [rule.ruleId, rule]));
    const rules = badge.rules.map((rule): RuleView => {
      const seen = byRule.get(rule.id);
      const value = seen && Number.isFinite(seen.progress) ? seen.progress : 0;
      const goal = Number.isFinite(rule.goal) ? rule.goal : 1;
      const completed = (seen?.completed ?? false) || (goal > 0 && value >= goal) || row?.achieved === true;
      const barValue = completed ? Math.max(goal, 0) : Math.min(Math.max(value, 0), Math.max(goal, 0));
      const fraction = goal > 0 ? barValue / goal : completed ? 1 : 0;
      return { id: rule.id, name: rule.name, goal, progress: value, completed, barValue, fraction };
    });
    const started = rules.some((rule) => rule.progress > 0 || rule.completed);
    const state: BadgeState = row?.achieved ? 'achieved' : row && started ? 'in-progress' : 'locked';
    return {
      id: badge.id,
      name: badge.name,
      ...(badge.description ? { description: badge.description } : {}),
      ...(badge.iconUrl ? { iconUrl: badge.iconUrl } : {}),
      state,
      ...(state === 'achieved' && row?.achievedAt ? { achievedAt: row.achievedAt } : {}),
      rules,
    };
  });
}

/** A stable sort: achieved badges first or last, otherwise the definition order. */
export function sortBadges(badges: readonly BadgeView[], sort: BadgeSort): BadgeView[] {
  if (sort === 'definition') return [...badges];
  const achievedFirst = sort === 'achieved-first';
  const rank = (badge: BadgeView) => ((badge.state === 'achieved') === achievedFirst ? 0 : 1);
  return [...badges].sort((a, b) => rank(a) - rank(b));
}

/** Badges achieved in `next` that were shown, not achieved, in `previous`. */
export function newlyAchieved(previous: readonly BadgeView[], next: readonly BadgeView[]): BadgeView[] {
  const before = new Map(previous.map((badge) => [badge.id, badge.state]));
  return next.filter((badge) => badge.state === 'achieved' && before.has(badge.id) && before.get(badge.id) !== 'achieved');
}
