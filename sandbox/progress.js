// @ts-check
/**
 * Per-user progress on game objects: badge rows (seeded, or set through /sandbox/control/progress)
 * and per-rule progress (userScore/ruleProgress, guide §10.3). A user whose
 * policy is do_not_save has none of it (guide §5: "no data collected").
 */
import { CERTIFICATES, userCertificates } from './certificates.js';
import { BADGES, BADGE_POPULATION, LEADERBOARDS, RULES, hash32, prng, seededUserBadge, userAt, userIndexOf } from './data.js';
import { HttpError } from './http.js';
import { policyOf, policyOfIndex } from './policies.js';
import { rankingOf } from './scores.js';

/** @typedef {import('./world.js').World} World */
/** @typedef {import('./data.js').Badge} Badge */
/** @typedef {import('./data.js').UserBadge} UserBadge */
/** @typedef {import('./data.js').BadgeRule} BadgeRule */
/** @typedef {import('./data.js').LeaderboardSeed} LeaderboardSeed */
/** @typedef {{ id: string, name: string, goal: number, progress: number, completed: boolean, points: number }} RuleData */

const rowKey = (/** @type {Badge} */ badge, /** @type {string} */ userId) => `${badge.id}\n${userId}`;

/**
 * A user's row for a badge: the partner's own or the seeded one.
 * @param {World} world @param {Badge} badge @param {string} userId
 * @returns {UserBadge | undefined}
 */
export function userBadge(world, badge, userId) {
  if (policyOf(badge.participationPolicy, userId) === 'do_not_save') return undefined;
  return world.badgeRows.get(rowKey(badge, userId)) ?? seededUserBadge(badge, userIndexOf(userId));
}

/** @param {World} world @param {Badge} badge @param {string} userId @param {UserBadge} row */
export function setUserBadge(world, badge, userId, row) {
  world.badgeRows.set(rowKey(badge, userId), row);
}

/**
 * Every row of a badge: the seeded population (with the partner's changes), then the partner's rows
 * for users outside it.
 * @param {World} world @param {Badge} badge
 * @returns {UserBadge[]}
 */
export function allUserBadges(world, badge) {
  /** @type {UserBadge[]} */
  const rows = [];
  for (let u = 0; u < BADGE_POPULATION; u++) {
    if (policyOfIndex(badge.participationPolicy, u) === 'do_not_save') continue;
    const row = world.badgeRows.get(rowKey(badge, userAt(u).id)) ?? seededUserBadge(badge, u);
    if (row) rows.push(row);
  }
  for (const row of world.badgeRows.values()) {
    const index = userIndexOf(row.userId);
    if (row.gameObjectId === badge.id && (index < 0 || index >= BADGE_POPULATION)) rows.push(row);
  }
  return rows;
}

/**
 * One rule's progress from the points earned through it: progress is in the rule's own unit
 * (earned ÷ points per goal × goal), completed once it reaches the goal.
 * @param {BadgeRule} rule @param {number} earned
 * @returns {RuleData}
 */
function earnedData(rule, earned) {
  const goal = Number(rule.goal);
  const progress = Math.round((earned / Number(rule.points)) * goal);
  return { id: rule.id, name: rule.name, goal, progress, completed: progress >= goal, points: earned };
}

/**
 * Splits a ranked user's score over the board's rules, seeded per user: each later rule earns a
 * random number of its points (within maxPoints, or half of what is left when unlimited) and the
 * first rule takes the rest, so the points always add up to the score. The demo viewer (index 0) has
 * used up every later rule with a cap of its own (Chat messages: 50 of 50), so a rule that is done
 * can be seen.
 * @param {World} world @param {LeaderboardSeed} seed @param {import('./data.js').Rule[]} rules @param {string} userId
 */
function leaderboardEarned(world, seed, rules, userId) {
  const index = userIndexOf(userId);
  const ranking = rankingOf(world, seed);
  if (index < 0 || index >= seed.members || ranking.posOf[index] < 0) return rules.map(() => 0);
  const rand = prng(hash32(`rules:${seed.entity.id}:${index}`));
  const earned = rules.map(() => 0);
  let rest = ranking.scores[index];
  for (let i = rules.length - 1; i > 0; i--) {
    const per = Number(rules[i].points);
    const cap = rules[i].maxPoints === 'unlimited' ? rest / 2 : Math.min(rest, Number(rules[i].maxPoints));
    const steps = Math.floor(cap / per);
    earned[i] = per * (index === 0 && rules[i].maxPoints !== 'unlimited' ? steps : Math.floor(rand() * (steps + 1)));
    rest -= earned[i];
  }
  if (rules.length > 0) earned[0] = rest;
  return earned;
}

/**
 * userScore/ruleProgress: a user's progress on each rule of a leaderboard, badge or certificate.
 * A user with no progress (or no data) gets every rule at 0.
 * @param {World} world @param {string} gameObjectId @param {string} userId
 */
export function ruleProgress(world, gameObjectId, userId) {
  const rules = RULES.filter((r) => r.gameObjectId === gameObjectId);
  const seed = LEADERBOARDS.find((s) => s.entity.id === gameObjectId);
  if (seed) {
    const earned = leaderboardEarned(world, seed, rules, userId);
    return { userId, gameObjectId, gameObjectType: 'leaderboard', rulesData: rules.map((r, i) => earnedData(r, earned[i])) };
  }
  const badge = BADGES.find((b) => b.id === gameObjectId);
  if (badge) {
    const row = userBadge(world, badge, userId);
    const rulesData = badge.rules.map((r) => {
      const data = row?.rulesData.find((d) => d.id === r.id);
      return { id: r.id, name: r.name, goal: Number(r.goal), progress: data?.progress ?? 0, completed: data?.completed ?? false, points: 0 };
    });
    const achieved = row?.status === 'ACHIEVED' && row.achievedTimestamp ? { achievedTimestamp: row.achievedTimestamp } : {};
    return { userId, gameObjectId, gameObjectType: 'badge', rulesData, status: row?.status ?? 'IN_PROGRESS', ...achieved };
  }
  const cert = CERTIFICATES.find((c) => c.id === gameObjectId);
  if (cert) {
    // A certificate's credits are what its one rule earned (over every entry, for perEntry).
    const credits = userCertificates(world, cert).reduce((sum, r) => sum + (r.userId === userId ? r.credits : 0), 0);
    return { userId, gameObjectId, gameObjectType: 'certificate', rulesData: rules.map((r) => earnedData(r, credits)) };
  }
  throw new HttpError(404, 'GAME_OBJECT_NOT_FOUND', `No leaderboard, badge or certificate "${gameObjectId}"`);
}
