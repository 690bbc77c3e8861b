// @ts-check
/**
 * Leaderboard rankings: reading pages without materialising more than the page, sub-leaderboard
 * segments, and live movement. A ranking holds only the users whose participation policy saves
 * their data (do_not_save users are never ranked); do_not_display users are in it, as admins see
 * them. A partner reads the shared seeded ranking until its scores move; the first move copies the
 * board's three typed arrays into its world (about 1.2 MB for 100,000 users).
 */
import { COMPANIES, COUNTRIES, LEADERBOARDS, USER_COUNT, hash32, prng, userAt } from './data.js';
import { policyOfIndex } from './policies.js';

/** @typedef {import('./data.js').LeaderboardSeed} LeaderboardSeed */
/** @typedef {import('./world.js').World} World */
/** @typedef {import('./world.js').LiveRanking} LiveRanking */
/**
 * scores: by user index (every member); order: ranked user indices (saved users only); posOf: a
 * user's position in order, -1 when not ranked.
 * @typedef {{ scores: Int32Array, order: Int32Array, posOf: Int32Array }} Ranking
 */

/** How many random users a tick moves on each live board, besides the viewer. */
const MOVERS_PER_TICK = 5;
/** How many ranks the viewer climbs on every other tick. */
const VIEWER_CLIMB = 3;

/**
 * Ranking order: score descending, then user index ascending (so ties keep the seeded order).
 * @param {Int32Array} scores
 */
const byRank = (scores) => (/** @type {number} */ a, /** @type {number} */ b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b;

/** @type {Map<string, Ranking>} */
const baseRankings = new Map();

/**
 * The seeded ranking of a board, built once per process on first use and shared by every partner
 * until a partner's scores move.
 * @param {LeaderboardSeed} seed
 * @returns {Ranking}
 */
function baseRanking(seed) {
  const cached = baseRankings.get(seed.entity.id);
  if (cached) return cached;
  const n = seed.members;
  const rand = prng(hash32('scores:' + seed.entity.id));
  const scores = new Int32Array(n);
  // Exponentially distributed: a few high scores well apart, many modest ones close together.
  for (let i = 1; i < n; i++) scores[i] = 10 + Math.floor(-Math.log(1 - rand()) * 1500);
  const saved = (/** @type {number} */ u) => policyOfIndex(seed.entity.participationPolicy, u) !== 'do_not_save';
  const placed = Object.entries(seed.placements).map(([u, rank]) => [Number(u), rank]).filter(([u]) => u < n).sort((a, b) => a[1] - b[1]);
  const ranked = [];
  for (let u = 0; u < n; u++) if (saved(u) && !(u in seed.placements)) ranked.push(u);
  ranked.sort(byRank(scores));
  // Placed users go where the demo wants them; then scores are raised (minimally, bottom up) so
  // that each user ranks above the next, which also gives the placed users their scores.
  for (const [u, rank] of placed) {
    if (!saved(u)) continue;
    scores[u] = 0;
    ranked.splice(rank - 1, 0, u);
  }
  const order = Int32Array.from(ranked);
  const cmp = byRank(scores);
  for (let p = order.length - 2; p >= 0; p--) {
    const [u, v] = [order[p], order[p + 1]];
    if (cmp(u, v) > 0) scores[u] = scores[v] + (u < v ? 0 : 1);
  }
  // An unsaved user's "would-be" score: just above the user ranked where they are placed.
  for (const [u, rank] of placed) if (!saved(u)) scores[u] = scores[order[rank - 1]] + 1;
  const posOf = new Int32Array(n).fill(-1);
  for (let p = 0; p < order.length; p++) posOf[order[p]] = p;
  const ranking = { scores, order, posOf };
  baseRankings.set(seed.entity.id, ranking);
  return ranking;
}

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
      const points = 5 + Math.floor(rand() * 46);
      if (r.posOf[user] >= 0) raiseScore(r, user, r.scores[user] + points); // do_not_save users never score
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
 * A sub-leaderboard's standings: ranked members' scores (do_not_display users included, guide
 * §15.10) summed per value of its first filter path, ranked by total (ties by name). Rows reuse
 * the `userId` field for the segment value.
 * @param {LiveRanking} r @param {{ filterPaths: string[] }} sub @param {number} rankBase
 * @returns {ScoreRow[]}
 */
export function segmentRows(r, sub, rankBase) {
  const path = sub.filterPaths[0] === 'company' ? 'company' : 'country';
  const values = path === 'country' ? COUNTRIES : COMPANIES;
  const index = segmentIndex(path);
  const totals = new Float64Array(values.length);
  const counted = new Uint8Array(values.length);
  for (const u of r.order) {
    totals[index[u]] += r.scores[u];
    counted[index[u]] = 1;
  }
  return values
    .map((value, i) => ({ value, total: totals[i], present: counted[i] === 1 }))
    .filter((s) => s.present)
    .sort((a, b) => b.total - a.total || a.value.localeCompare(b.value))
    .map((s, i) => ({ userId: s.value, rank: i + rankBase, score: s.total }));
}
