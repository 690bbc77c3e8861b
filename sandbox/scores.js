// @ts-check
/**
 * Leaderboard rankings: reading pages without materialising more than the page, sub-leaderboard
 * segments, and live movement. A partner reads the shared seeded ranking until its scores move; the
 * first move copies the board's three typed arrays into its world (about 1.2 MB for 100,000 users).
 */
import { COMPANIES, COUNTRIES, LEADERBOARDS, USER_COUNT, baseRanking, byRank, hash32, prng, userAt } from './data.js';

/** @typedef {import('./data.js').LeaderboardSeed} LeaderboardSeed */
/** @typedef {import('./world.js').World} World */
/** @typedef {import('./world.js').LiveRanking} LiveRanking */

/** How many random users a tick moves on each live board, besides the viewer. */
const MOVERS_PER_TICK = 5;
/** How many ranks the viewer climbs on every other tick. */
const VIEWER_CLIMB = 3;

/** @param {World} world @param {LeaderboardSeed} seed @returns {LiveRanking} */
export function rankingOf(world, seed) {
  return world.rankings.get(seed.entity.id) ?? baseRanking(seed);
}

/** @param {World} world @param {LeaderboardSeed} seed @returns {LiveRanking} */
function ownRanking(world, seed) {
  let own = world.rankings.get(seed.entity.id);
  if (!own) {
    const base = baseRanking(seed);
    own = { scores: base.scores.slice(), order: base.order.slice(), posOf: base.posOf.slice() };
    world.rankings.set(seed.entity.id, own);
  }
  return own;
}

/**
 * Raises a user's score and moves them up to their new place: a binary search above them, then one
 * shift of the users they pass (only those change position). Scores only ever go up in the sandbox.
 * @param {LiveRanking} r @param {number} user @param {number} score
 */
function raiseScore(r, user, score) {
  const { scores, order, posOf } = r;
  const from = posOf[user];
  scores[user] = score;
  const cmp = byRank(scores);
  if (from === 0 || cmp(user, order[from - 1]) > 0) return;
  let lo = 0, hi = from - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(user, order[mid]) < 0) hi = mid;
    else lo = mid + 1;
  }
  order.copyWithin(lo + 1, lo, from);
  order[lo] = user;
  for (let p = lo; p <= from; p++) posOf[order[p]] = p;
}

/**
 * One step of live movement on every enabled board with scores: a handful of seeded-random users gain
 * points, and on odd ticks (the 1st, 3rd, ...) the demo viewer climbs a few ranks, so tests can
 * watch a rank change without guessing.
 * @param {World} world
 */
export function tick(world) {
  world.ticks++;
  for (const seed of LEADERBOARDS) {
    if (seed.entity.status !== 'enabled' || seed.members === 0 || !seed.live) continue;
    const r = ownRanking(world, seed);
    r.prevPosOf = r.posOf.slice();
    const rand = prng(hash32(`tick:${seed.entity.id}:${world.ticks}`));
    for (let i = 0; i < MOVERS_PER_TICK; i++) {
      const user = 1 + Math.floor(rand() * (seed.members - 1));
      raiseScore(r, user, r.scores[user] + 5 + Math.floor(rand() * 46));
    }
    const viewerPos = r.posOf[0];
    if (world.ticks % 2 === 1 && viewerPos > 0) {
      const passed = r.order[Math.max(0, viewerPos - VIEWER_CLIMB)];
      raiseScore(r, 0, r.scores[passed] + 1);
    }
  }
}

/**
 * @typedef {{ userId: string, rank: number, score: number, oldRank?: number }} ScoreRow
 */

/**
 * One page of a board's individual ranking; only the page's users are built.
 * @param {LiveRanking} r @param {number} offset @param {number} size @param {number} rankBase 1, or 0 for zero-based ranks
 * @returns {ScoreRow[]}
 */
export function scorePage(r, offset, size, rankBase) {
  /** @type {ScoreRow[]} */
  const rows = [];
  for (let p = offset; p < Math.min(offset + size, r.order.length); p++) rows.push(scoreRow(r, r.order[p], rankBase));
  return rows;
}

/** @param {LiveRanking} r @param {number} user @param {number} rankBase @returns {ScoreRow} */
export function scoreRow(r, user, rankBase) {
  const row = { userId: userAt(user).id, rank: r.posOf[user] + rankBase, score: r.scores[user] };
  const old = r.prevPosOf?.[user];
  return old !== undefined && old !== r.posOf[user] ? { ...row, oldRank: old + rankBase } : row;
}

/** @type {Map<string, Uint8Array>} */
const segmentIndexCache = new Map();

/**
 * Each user's country or company as an index into COUNTRIES/COMPANIES, built once: sub-leaderboards
 * then sum a typed array instead of regenerating users on every request.
 * @param {'country' | 'company'} path
 */
function segmentIndex(path) {
  let index = segmentIndexCache.get(path);
  if (!index) {
    const values = path === 'country' ? COUNTRIES : COMPANIES;
    index = new Uint8Array(USER_COUNT);
    for (let u = 0; u < USER_COUNT; u++) index[u] = values.indexOf(userAt(u)[path]);
    segmentIndexCache.set(path, index);
  }
  return index;
}

/**
 * A sub-leaderboard's standings: members' scores summed per value of its first filter path,
 * ranked by total (ties by name). Rows reuse the `userId` field for the segment value.
 * @param {LiveRanking} r @param {{ filterPaths: string[] }} sub @param {number} rankBase
 * @returns {ScoreRow[]}
 */
export function segmentRows(r, sub, rankBase) {
  const path = sub.filterPaths[0] === 'company' ? 'company' : 'country';
  const values = path === 'country' ? COUNTRIES : COMPANIES;
  const index = segmentIndex(path);
  const totals = new Float64Array(values.length);
  const counted = new Uint8Array(values.length);
  for (let u = 0; u < r.scores.length; u++) {
    totals[index[u]] += r.scores[u];
    counted[index[u]] = 1;
  }
  return values
    .map((value, i) => ({ value, total: totals[i], present: counted[i] === 1 }))
    .filter((s) => s.present)
    .sort((a, b) => b.total - a.total || a.value.localeCompare(b.value))
    .map((s, i) => ({ userId: s.value, rank: i + rankBase, score: s.total }));
}
