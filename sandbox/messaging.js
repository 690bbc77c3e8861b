// @ts-check
/**
 * Messaging unsubscribe management at /sandbox/messaging/api/v1/... (Messaging guide, section 10).
 */
import { DEFAULT_UNSUBSCRIBED, GROUPS } from './data.js';
import { HttpError } from './http.js';
import { KS_TYPE_ADMIN, KS_TYPE_USER } from './ks.js';

/** @typedef {import('./ks.js').KsInfo} KsInfo */
/** @typedef {import('./world.js').World} World */

/** @param {World} world @param {string} userId */
const unsubscribedOf = (world, userId) => world.preferences.get(userId) ?? DEFAULT_UNSUBSCRIBED;

/** The user-scoped actions need a USER KS that names a user (guide 10.2). */
function requireUserKs(/** @type {KsInfo} */ ks) {
  if (ks.type !== KS_TYPE_USER || !ks.userId) throw new HttpError(403, 'USER_KS_REQUIRED', 'This action needs a USER KS (type 0) with a user id');
  return ks.userId;
}

/** @param {unknown} value */
const isStringArray = (value) => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * The guide leaves this response undocumented; `groupsStatusShape` picks one of three plausible shapes.
 * @param {World} world @param {string[]} groups
 */
function groupsStatus(world, groups) {
  switch (world.switches.groupsStatusShape) {
    case 'objects':
      return { objects: groups.map((groupId) => ({ groupId, status: 'unsubscribed' })), totalCount: groups.length };
    case 'array':
      return groups;
    default:
      return { unsubscribedGroups: groups };
  }
}

/** @type {Record<string, (world: World, body: Record<string, any>, ks: KsInfo) => unknown>} */
const ACTIONS = {
  'unsubscribe-users/userGroupsStatus': (world, _body, ks) => groupsStatus(world, [...unsubscribedOf(world, requireUserKs(ks))]),

  // The guide shows both lists in one call (10.3): groups to leave and groups to rejoin. They are
  // applied to the stored state, so a client may send the whole picture or only what changed.
  'unsubscribe-users/syncGroups': (world, body, ks) => {
    const userId = requireUserKs(ks);
    const { unsubscribed, subscribed } = body;
    if (!isStringArray(unsubscribed) || !isStringArray(subscribed)) {
      throw new HttpError(400, 'INVALID_REQUEST', '"unsubscribed" and "subscribed" must both be arrays of group ids');
    }
    const both = unsubscribed.filter((g) => subscribed.includes(g));
    if (both.length) throw new HttpError(400, 'INVALID_REQUEST', `Groups cannot be in both lists: ${both.join(', ')}`);
    const next = new Set(unsubscribedOf(world, userId));
    for (const g of subscribed) next.delete(g);
    for (const g of unsubscribed) next.add(g);
    const groups = [...next];
    world.preferences.set(userId, groups);
    return { unsubscribedGroups: groups };
  },

  'unsubscribe-groups/list': (_world, _body, ks) => {
    if (ks.type !== KS_TYPE_ADMIN) throw new HttpError(403, 'ADMIN_KS_REQUIRED', 'Listing unsubscribe groups needs an ADMIN KS (type 2)');
    return { totalCount: GROUPS.length, objects: GROUPS };
  },
};

/**
 * @param {{ body: Record<string, any>, authenticate: () => { ks: KsInfo, world: World } }} ctx
 * @param {string} action e.g. `unsubscribe-users/syncGroups`
 */
export function handleMessaging(ctx, action) {
  const run = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!run) throw new HttpError(404, 'ACTION_NOT_FOUND', `The sandbox does not implement "${action}"`);
  const { ks, world } = ctx.authenticate();
  return run(world, ctx.body, ks);
}
