// @ts-check
/**
 * Participation policies (Game Services guide §5): each game object says, per user, `display`,
 * `do_not_display` (participates, visible only to admins) or `do_not_save` (no data at all). Entries
 * match `byGroup` (API v3 group membership) or `byEmailDomain`; the first match wins, else
 * `userDefaultPolicy`.
 */
import { GROUP_USERS, userAt, userIndexOf } from './data.js';

/** @typedef {import('./data.js').ParticipationPolicy} ParticipationPolicy */
/** @typedef {import('./data.js').Policy} Policy */

/** @type {Map<string, string[]>} */
const groupsByUser = new Map();
for (const [userId, groupId] of GROUP_USERS) groupsByUser.set(userId, [...(groupsByUser.get(userId) ?? []), groupId]);

/**
 * @param {ParticipationPolicy} pp @param {{ id: string, email?: string }} user
 * @returns {Policy}
 */
function policyFor(pp, { id, email }) {
  const domain = email?.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const groups = groupsByUser.get(id) ?? [];
  for (const { policy, matchCriteria, values } of pp.policies) {
    const hit = matchCriteria === 'byGroup' ? values.some((v) => groups.includes(v)) : domain !== undefined && values.some((v) => v.toLowerCase() === domain);
    if (hit) return policy;
  }
  return pp.userDefaultPolicy;
}

/** The policy for the user at an index. @param {ParticipationPolicy} pp @param {number} index */
export const policyOfIndex = (pp, index) => (pp.policies.length === 0 ? pp.userDefaultPolicy : policyFor(pp, userAt(index)));

/**
 * The policy for any user id; a user the sandbox does not know has no email and no groups.
 * @param {ParticipationPolicy} pp @param {string} userId
 */
export function policyOf(pp, userId) {
  const index = userIndexOf(userId);
  return index < 0 ? policyFor(pp, { id: userId }) : policyOfIndex(pp, index);
}
