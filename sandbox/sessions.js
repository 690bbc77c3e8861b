// @ts-check
/**
 * Sessions in use, and expiring them on demand (`POST /sandbox/control/expire-ks`): the harness's way
 * to make the USER KS a page holds run out now rather than in an hour. A page then meets what it meets
 * when a viewer's session expires while the tab is open: a 401 `EXPIRED_KS` on its next call.
 * Only USER KS count: an ADMIN KS belongs to a host's server, whose renewal is not the page's concern.
 * KS are remembered as hashes, never as text.
 */
import { createHash } from 'node:crypto';
import { KS_TYPE_USER } from './ks.js';

/** @typedef {import('./world.js').World} World */
/** @typedef {import('./ks.js').KsInfo} KsInfo */

/** Each set keeps the latest fingerprints only, so a long demo session cannot grow without bound. */
const MAX_REMEMBERED = 1000;

const fingerprint = (/** @type {string} */ ks) => createHash('sha256').update(ks).digest('base64url');

/** @param {Set<string>} set @param {string} key */
function remember(set, key) {
  set.delete(key);
  set.add(key);
  if (set.size > MAX_REMEMBERED) set.delete(/** @type {string} */ (set.values().next().value));
}

/**
 * Whether `expire-ks` has expired this (valid) KS. A USER KS that has not been expired is noted as in
 * use, so the next `expire-ks` expires it.
 * @param {World} world @param {string} ks @param {KsInfo} info the KS as checkKs read it
 */
export function expiredOnDemand(world, ks, info) {
  if (info.type !== KS_TYPE_USER) return false;
  const key = fingerprint(ks);
  if (world.expiredKs.has(key)) return true;
  remember(world.seenKs, key);
  return false;
}

/**
 * Expires every USER KS the partner's calls have carried so far; a KS first used afterwards works.
 * @param {World} world
 * @returns {number} how many were expired
 */
export function expireSessions(world) {
  const count = world.seenKs.size;
  for (const key of world.seenKs) remember(world.expiredKs, key);
  world.seenKs.clear();
  return count;
}
