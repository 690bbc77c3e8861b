// @ts-check
/**
 * Game Services (SCM) at /sandbox/scm/api/v1/{controller}/{action}: the read actions the widgets
 * need, as the Gamification guide describes them (sections 3, 4, 5, 6.7, 7, 8, 10, 14). Each read
 * takes only its documented fields; the lenient switches are the only way around that.
 */
import { CERTIFICATES, certificateById, userCertificates } from './certificates.js';
import { BADGES, LEADERBOARDS, RULES, userIndexOf } from './data.js';
import { HttpError, listPage, readPager } from './http.js';
import { KS_TYPE_ADMIN, KS_TYPE_USER } from './ks.js';
import { policyOf } from './policies.js';
import { allUserBadges, ruleProgress, userBadge } from './progress.js';
import { rankingOf, scorePage, scoreRow, segmentRows } from './scores.js';

/** @typedef {import('./ks.js').KsInfo} KsInfo */
/** @typedef {import('./world.js').World} World */
/** @typedef {import('./data.js').ParticipationPolicy} ParticipationPolicy */
/**
 * A read's context. `viewer` is set only for a USER KS accepted by `lenientGameUserKs`: per-user reads
 * are then about that user, and other users' do_not_display rows are left out. `filters`: `lenientFilters`.
 * `origin`: where the request was sent, so asset URLs in answers are absolute (a page on any origin can load them).
 * @typedef {{ world: World, body: Record<string, any>, viewer?: string, filters: boolean, origin: string }} ReadContext
 * @typedef {(ctx: ReadContext) => unknown} Read
 */

/** The guide's write actions: known, but refused (the sandbox's ADMIN KS never carries GAME_MANAGE). */
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

/** @param {unknown} value */
const optional = (value) => (value === undefined || value === null ? undefined : String(value));

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

/** The user a per-user read is about: the lenient USER KS's own, else the documented `userId`. @param {ReadContext} ctx */
const subject = (ctx) => ctx.viewer ?? required(ctx.body, 'userId');

/**
 * The user a list read is narrowed to, only with `lenientFilters` (`userId` or `filter.userIdEqual`);
 * a USER KS narrows to its own user.
 * @param {ReadContext} ctx
 */
function userFilter({ body, filters, viewer }) {
  const asked = filters ? optional(body.userId ?? body.filter?.userIdEqual) : undefined;
  return asked === undefined ? undefined : viewer ?? asked;
}

/**
 * Whether a row may be shown: an admin sees every saved row; a lenient USER KS does not see other
 * users' do_not_display rows (guide §5: "visible only to admins").
 * @param {ReadContext} ctx @param {ParticipationPolicy} policy @param {string} userId
 */
const shown = (ctx, policy, userId) => ctx.viewer === undefined || userId === ctx.viewer || policyOf(policy, userId) === 'display';

/** @param {World} world */
const rankBase = (world) => (world.switches.zeroBasedRanks ? 0 : 1);

/** @type {Record<string, Read>} */
const READS = {
  'leaderboard/get': ({ body }) => leaderboardSeed(required(body, 'id')).entity,

  'leaderboard/list': ({ body, filters }) => {
    const idIn = idList(body.filter?.idIn);
    const eventIn = filters ? idList(body.filter?.virtualEventIdIn) : undefined;
    const boards = LEADERBOARDS.map((s) => s.entity).filter(
      (lb) => (!idIn || idIn.includes(lb.id)) && (!eventIn || lb.virtualEventIds.some((e) => eventIn.includes(e))),
    );
    return listPage(boards, readPager(body.pager));
  },

  'userScore/list': (ctx) => {
    const { world, body } = ctx;
    const seed = leaderboardSeed(required(body, 'gameObjectId'));
    const page = readPager(body.pager);
    const ranking = rankingOf(world, seed);
    if (body.subLeaderboardId !== undefined && body.subLeaderboardId !== null) {
      const sub = seed.entity.subLeaderboards.find((s) => String(s.id) === String(body.subLeaderboardId));
      if (!sub) throw new HttpError(404, 'SUB_LEADERBOARD_NOT_FOUND', `Leaderboard "${seed.entity.id}" has no sub-leaderboard ${body.subLeaderboardId}`);
      return listPage(segmentRows(ranking, sub, rankBase(world)), page);
    }
    // Rows hidden from a lenient USER KS leave gaps: ranks and totalCount stay the admin view's.
    const rows = scorePage(ranking, page.offset, page.size, rankBase(world)).filter((r) => shown(ctx, seed.entity.participationPolicy, r.userId));
    return { totalCount: ranking.order.length, objects: rows };
  },

  'userScore/get': (ctx) => {
    const seed = leaderboardSeed(required(ctx.body, 'gameObjectId'));
    const userId = subject(ctx);
    const index = userIndexOf(userId);
    const ranking = rankingOf(ctx.world, seed);
    if (index < 0 || index >= seed.members || ranking.posOf[index] < 0) {
      throw new HttpError(404, 'USER_SCORE_NOT_FOUND', `User "${userId}" has no score on "${seed.entity.id}"`);
    }
    return scoreRow(ranking, index, rankBase(ctx.world));
  },

  'userScore/ruleProgress': (ctx) => {
    const gameObjectId = required(ctx.body, 'gameObjectId');
    return ruleProgress(ctx.world, gameObjectId, subject(ctx));
  },

  'rule/list': ({ body }) => {
    const type = optional(body.gameObjectType);
    const id = optional(body.gameObjectId);
    if (id !== undefined && ![...LEADERBOARDS.map((s) => s.entity), ...BADGES, ...CERTIFICATES].some((o) => o.id === id)) {
      throw new HttpError(404, 'GAME_OBJECT_NOT_FOUND', `No game object "${id}"`);
    }
    const rules = RULES.filter((r) => (type === undefined || r.gameObjectType === type) && (id === undefined || r.gameObjectId === id));
    return { totalCount: rules.length, objects: rules };
  },

  'badge/get': ({ body, origin }) => withIconUrl(badgeById(required(body, 'id')), origin),

  'badge/list': ({ body, filters, origin }) => {
    const idIn = idList(body.filter?.idIn);
    const eventIn = filters ? idList(body.filter?.virtualEventIdIn) : undefined;
    const badges = BADGES.filter((b) => (!idIn || idIn.includes(b.id)) && (!eventIn || b.virtualEventIds.some((e) => eventIn.includes(e))));
    return listPage(badges.map((b) => withIconUrl(b, origin)), readPager(body.pager));
  },

  'userBadge/list': (ctx) => {
    const { world, body, filters } = ctx;
    const page = readPager(body.pager);
    // With lenientFilters, `filter.gameObjectIdIn` (or nothing: every badge) may stand in for gameObjectId.
    const gameObjectIdIn = filters && optional(body.gameObjectId) === undefined ? idList(body.filter?.gameObjectIdIn) ?? BADGES.map((b) => b.id) : undefined;
    const badges = gameObjectIdIn ? BADGES.filter((b) => gameObjectIdIn.includes(b.id)) : [badgeById(required(body, 'gameObjectId'))];
    const only = userFilter(ctx);
    const rows = badges.flatMap((badge) =>
      (only === undefined ? allUserBadges(world, badge) : [userBadge(world, badge, only)]).filter(
        (row) => row !== undefined && shown(ctx, badge.participationPolicy, row.userId),
      ),
    );
    return listPage(rows, page);
  },

  'certificate/get': ({ body }) => certificateById(required(body, 'id')),

  'certificate/list': ({ body }) => {
    const idIn = idList(body.filter?.idIn);
    return listPage(CERTIFICATES.filter((c) => !idIn || idIn.includes(c.id)), readPager(body.pager));
  },

  'userCertificateReport/list': (ctx) => {
    const { world, body, filters } = ctx;
    const page = readPager(body.pager);
    // With lenientFilters, a read without gameObjectId covers every certificate.
    const certs = filters && optional(body.gameObjectId) === undefined ? CERTIFICATES : [certificateById(required(body, 'gameObjectId'))];
    const only = userFilter(ctx);
    const rows = certs.flatMap((cert) =>
      userCertificates(world, cert).filter((r) => (only === undefined || r.userId === only) && shown(ctx, cert.participationPolicy, r.userId)),
    );
    return listPage(rows, page);
  },
};

/** A badge whose icon URL is absolute, on the origin the request was sent to. @param {import('./data.js').Badge} badge @param {string} origin */
const withIconUrl = (badge, origin) => ({ ...badge, iconUrl: new URL(badge.iconUrl, origin).href });

/**
 * @param {{ body: Record<string, any>, origin: string, authenticate: () => { ks: KsInfo, world: World } }} ctx
 * @param {string} action `controller/action`
 */
export function handleGame(ctx, action) {
  /** @type {Read | undefined} */
  const read = Object.hasOwn(READS, action) ? READS[action] : undefined;
  if (!read && !WRITES.has(action)) throw new HttpError(404, 'ACTION_NOT_FOUND', `The sandbox does not implement "${action}"`);
  const { ks, world } = ctx.authenticate();
  // Guide §3: "All requests require an ADMIN KS (type=2)"; §14 answers 403 otherwise.
  const lenientUser = ks.type === KS_TYPE_USER && world.switches.lenientGameUserKs;
  if (ks.type !== KS_TYPE_ADMIN && !(read && lenientUser)) {
    throw new HttpError(403, 'ADMIN_KS_REQUIRED', `Game Services need an ADMIN KS (type=2); this KS is type ${ks.type}`);
  }
  if (!read) throw new HttpError(403, 'GAME_MANAGE_REQUIRED', `The sandbox is read-only: its KS never carries GAME_MANAGE, so "${action}" is refused`);
  return read({ world, body: ctx.body, viewer: lenientUser ? ks.userId : undefined, filters: world.switches.lenientFilters, origin: ctx.origin });
}
