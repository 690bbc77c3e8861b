// @ts-check
/**
 * Game Services (SCM) at /sandbox/scm/api/v1/{controller}/{action}: the read actions the widgets
 * need, as the Gamification guide describes them (sections 4, 7, 8, 10, 14).
 */
import { BADGES, BADGE_POPULATION, CERTIFICATES, LEADERBOARDS, USER_CERTIFICATES, seededUserBadge, userAt, userIndexOf } from './data.js';
import { HttpError, listPage, readPager } from './http.js';
import { KS_TYPE_ADMIN, KS_TYPE_USER } from './ks.js';
import { rankingOf, scorePage, scoreRow, segmentRows } from './scores.js';

/** @typedef {import('./ks.js').KsInfo} KsInfo */
/** @typedef {import('./world.js').World} World */
/** @typedef {import('./data.js').UserBadge} UserBadge */
/** @typedef {(world: World, body: Record<string, any>, ks: KsInfo) => unknown} Read */

/** The guide's write actions: known, but refused (USER KS: not allowed; ADMIN KS: the sandbox never grants GAME_MANAGE). */
const WRITES = new Set([
  ...['leaderboard', 'certificate', 'badge', 'leadScoring', 'rule', 'scheduledGameObject'].flatMap((c) => [`${c}/create`, `${c}/update`, `${c}/delete`]),
  'userScore/clear', 'event/sendExternalEventsFromCSV', 'report/generate',
]);

/** @param {Record<string, any>} body @param {string} field */
function required(body, field) {
  const value = body[field];
  if (value === undefined || value === null || value === '') throw new HttpError(400, 'MISSING_FIELD', `"${field}" is required`);
  return String(value);
}

/** @param {string} id */
function leaderboardSeed(id) {
  const seed = LEADERBOARDS.find((s) => s.entity.id === id);
  if (!seed) throw new HttpError(404, 'LEADERBOARD_NOT_FOUND', `Leaderboard "${id}" was not found`);
  return seed;
}

/** @param {string} id */
function badgeById(id) {
  const badge = BADGES.find((b) => b.id === id);
  if (!badge) throw new HttpError(404, 'BADGE_NOT_FOUND', `Badge "${id}" was not found`);
  return badge;
}

/** A string array filter field, or undefined when absent; a comma-separated string is accepted too. */
function idList(/** @type {unknown} */ value) {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.map(String) : String(value).split(',');
}

/**
 * With a USER KS a per-user read is about the KS's own user, whatever the body asks.
 * @param {KsInfo} ks @param {unknown} requested
 */
const subjectUser = (ks, requested) => (ks.type === KS_TYPE_USER ? ks.userId : requested === undefined ? undefined : String(requested));

/** @param {World} world */
const rankBase = (world) => (world.switches.zeroBasedRanks ? 0 : 1);

/**
 * A user's row for a badge: the partner's own (set through /sandbox/control/progress) or the seeded one.
 * @param {World} world @param {import('./data.js').Badge} badge @param {string} userId
 * @returns {UserBadge | undefined}
 */
export function userBadge(world, badge, userId) {
  return world.badgeRows.get(`${badge.id}\n${userId}`) ?? seededUserBadge(badge, userIndexOf(userId));
}

/**
 * Every row of a badge: the seeded population (with the partner's changes) then the partner's rows
 * for users outside it.
 * @param {World} world @param {import('./data.js').Badge} badge
 * @returns {UserBadge[]}
 */
function allUserBadges(world, badge) {
  /** @type {UserBadge[]} */
  const rows = [];
  for (let u = 0; u < BADGE_POPULATION; u++) {
    const row = world.badgeRows.get(`${badge.id}\n${userAt(u).id}`) ?? seededUserBadge(badge, u);
    if (row) rows.push(row);
  }
  for (const row of world.badgeRows.values()) {
    const index = userIndexOf(row.userId);
    if (row.gameObjectId === badge.id && (index < 0 || index >= BADGE_POPULATION)) rows.push(row);
  }
  return rows;
}

/** @type {Record<string, Read>} */
const READS = {
  'leaderboard/get': (_world, body) => leaderboardSeed(required(body, 'id')).entity,

  'leaderboard/list': (_world, body) => {
    const idIn = idList(body.filter?.idIn);
    const eventIn = idList(body.filter?.virtualEventIdIn);
    const boards = LEADERBOARDS.map((s) => s.entity).filter(
      (lb) => (!idIn || idIn.includes(lb.id)) && (!eventIn || lb.virtualEventIds.some((e) => eventIn.includes(e))),
    );
    return listPage(boards, readPager(body.pager));
  },

  'userScore/list': (world, body) => {
    const seed = leaderboardSeed(required(body, 'gameObjectId'));
    const page = readPager(body.pager);
    const ranking = rankingOf(world, seed);
    if (body.subLeaderboardId !== undefined && body.subLeaderboardId !== null) {
      const sub = seed.entity.subLeaderboards.find((s) => String(s.id) === String(body.subLeaderboardId));
      if (!sub) throw new HttpError(404, 'SUB_LEADERBOARD_NOT_FOUND', `Leaderboard "${seed.entity.id}" has no sub-leaderboard ${body.subLeaderboardId}`);
      return listPage(segmentRows(ranking, sub, rankBase(world)), page);
    }
    return { totalCount: ranking.order.length, objects: scorePage(ranking, page.offset, page.size, rankBase(world)) };
  },

  'userScore/get': (world, body, ks) => {
    const seed = leaderboardSeed(required(body, 'gameObjectId'));
    const userId = ks.type === KS_TYPE_USER ? ks.userId : required(body, 'userId');
    const index = userId ? userIndexOf(userId) : -1;
    const ranking = rankingOf(world, seed);
    if (index < 0 || index >= ranking.order.length) throw new HttpError(404, 'USER_SCORE_NOT_FOUND', `User "${userId}" has no score on "${seed.entity.id}"`);
    return scoreRow(ranking, index, rankBase(world));
  },

  'badge/get': (_world, body) => badgeById(required(body, 'id')),

  'badge/list': (_world, body) => {
    const idIn = idList(body.filter?.idIn);
    const eventIn = idList(body.filter?.virtualEventIdIn);
    const badges = BADGES.filter((b) => (!idIn || idIn.includes(b.id)) && (!eventIn || b.virtualEventIds.some((e) => eventIn.includes(e))));
    return listPage(badges, readPager(body.pager));
  },

  'userBadge/list': (world, body, ks) => {
    const page = readPager(body.pager);
    const ids = body.gameObjectId !== undefined ? [String(body.gameObjectId)] : idList(body.filter?.gameObjectIdIn);
    // One badge asked by id must exist; ids in a filter are only a filter.
    const badges = body.gameObjectId !== undefined ? [badgeById(String(body.gameObjectId))] : BADGES.filter((b) => !ids || ids.includes(b.id));
    const userId = subjectUser(ks, body.userId ?? body.filter?.userIdEqual);
    /** @type {UserBadge[]} */
    const rows = [];
    for (const badge of badges) {
      if (userId === undefined) rows.push(...allUserBadges(world, badge));
      else {
        const row = userId ? userBadge(world, badge, userId) : undefined;
        if (row) rows.push(row);
      }
    }
    return listPage(rows, page);
  },

  'certificate/get': (_world, body) => {
    const id = required(body, 'id');
    const cert = CERTIFICATES.find((c) => c.id === id);
    if (!cert) throw new HttpError(404, 'CERTIFICATE_NOT_FOUND', `Certificate "${id}" was not found`);
    return cert;
  },

  'certificate/list': (_world, body) => {
    const idIn = idList(body.filter?.idIn);
    return listPage(CERTIFICATES.filter((c) => !idIn || idIn.includes(c.id)), readPager(body.pager));
  },

  'userCertificateReport/list': (_world, body, ks) => {
    const certId = body.gameObjectId === undefined ? undefined : String(body.gameObjectId);
    if (certId !== undefined && !CERTIFICATES.some((c) => c.id === certId)) throw new HttpError(404, 'CERTIFICATE_NOT_FOUND', `Certificate "${certId}" was not found`);
    const userId = subjectUser(ks, body.userId ?? body.filter?.userIdEqual);
    const rows = USER_CERTIFICATES.filter((r) => (certId === undefined || r.gameObjectId === certId) && (userId === undefined || r.userId === userId));
    return listPage(rows, readPager(body.pager));
  },
};

/**
 * @param {{ body: Record<string, any>, authenticate: () => { ks: KsInfo, world: World } }} ctx
 * @param {string} action `controller/action`
 */
export function handleGame(ctx, action) {
  const read = READS[action];
  if (!read && !WRITES.has(action)) throw new HttpError(404, 'ACTION_NOT_FOUND', `The sandbox does not implement "${action}"`);
  const { ks, world } = ctx.authenticate();
  if (ks.type !== KS_TYPE_USER && ks.type !== KS_TYPE_ADMIN) throw new HttpError(403, 'INVALID_KS_TYPE', `KS type ${ks.type} is neither USER (0) nor ADMIN (2)`);
  if (!read) {
    throw ks.type === KS_TYPE_USER
      ? new HttpError(403, 'ADMIN_KS_REQUIRED', `"${action}" is a write action: it needs an ADMIN KS with GAME_MANAGE`)
      : new HttpError(403, 'GAME_MANAGE_REQUIRED', `The sandbox is read-only: its KS never carries GAME_MANAGE, so "${action}" is refused`);
  }
  if (ks.type === KS_TYPE_USER && world.switches.gameUserKs === 'deny') {
    throw new HttpError(403, 'ADMIN_KS_REQUIRED', 'Game Services need an ADMIN KS with GAME_BASE (this partner refuses USER KS reads)');
  }
  return read(world, ctx.body, ks);
}
