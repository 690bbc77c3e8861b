// @ts-check
/**
 * Test and demo hooks: per-partner switches and fault queues (/sandbox/control), live ticks, badge
 * and certificate progress, expiring the sessions in use, reset and state; and /sandbox/ks, the stand-in
 * for a host backend's token endpoint.
 * None of these check a KS: they are the test harness's side of the sandbox, not Kaltura's.
 */
import { certificateById, setCertificateCredits } from './certificates.js';
import { BADGES, userBadgeRow } from './data.js';
import { parseFaults } from './faults.js';
import { HttpError } from './http.js';
import { mintSandboxKs } from './ks.js';
import { policyOf } from './policies.js';
import { setUserBadge, userBadge } from './progress.js';
import { tick } from './scores.js';
import { expireSessions } from './sessions.js';
import { worldState } from './world.js';

/** @typedef {import('./world.js').Worlds} Worlds */
/** @typedef {import('./world.js').Switches} Switches */

/** @type {{ [K in keyof Switches]: (v: unknown) => boolean }} */
const SWITCHES = {
  latencyMs: (v) => typeof v === 'number' && v >= 0 && v <= 120_000,
  lenientGameUserKs: (v) => typeof v === 'boolean',
  lenientFilters: (v) => typeof v === 'boolean',
  zeroBasedRanks: (v) => typeof v === 'boolean',
  groupsStatusShape: (v) => v === 'ids' || v === 'objects' || v === 'array',
  kafMisconfigured: (v) => typeof v === 'boolean',
  roomHang: (v) => typeof v === 'boolean',
  live: (v) => typeof v === 'boolean' || v === null,
};
const FAULT_KEYS = ['fail', 'malformed', 'hang'];

/** @param {Record<string, unknown>} params */
function partnerIdOf(params) {
  const id = Number(params.partnerId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new HttpError(400, 'MISSING_PARTNER_ID', '"partnerId" (a positive integer) is required');
  return id;
}

/**
 * @param {{ method: string, params: Record<string, any>, worlds: Worlds, onLive: () => void }} ctx
 * @param {string} rest the path after /sandbox/control ('' or '/tick', ...)
 */
export function handleControl({ method, params, worlds, onLive }, rest) {
  if (rest === '/state') {
    if (method !== 'GET') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Use GET');
    return worldState(worlds.get(partnerIdOf(params)));
  }
  if (method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Use POST with a JSON body');
  const partnerId = partnerIdOf(params);

  switch (rest) {
    case '':
    case '/': {
      const faults = parseFaults(params);
      /** @type {Partial<Switches>} */
      const changes = {};
      for (const [key, value] of Object.entries(params)) {
        if (key === 'partnerId' || FAULT_KEYS.includes(key)) continue;
        const valid = SWITCHES[/** @type {keyof Switches} */ (key)];
        if (!valid) throw new HttpError(400, 'UNKNOWN_SWITCH', `Unknown switch "${key}"`);
        if (!valid(value)) throw new HttpError(400, 'INVALID_SWITCH', `Invalid value for "${key}"`);
        Object.assign(changes, { [key]: value });
      }
      const world = worlds.get(partnerId);
      Object.assign(world.switches, changes);
      world.faults.push(...faults);
      if (changes.live) onLive();
      const { switches, queuedFaults } = worldState(world);
      return { partnerId, switches, queuedFaults };
    }
    case '/tick': {
      const steps = params.steps === undefined ? 1 : Number(params.steps);
      if (!Number.isInteger(steps) || steps < 1 || steps > 1000) throw new HttpError(400, 'INVALID_STEPS', '"steps" must be an integer from 1 to 1000');
      const world = worlds.get(partnerId);
      for (let i = 0; i < steps; i++) tick(world);
      return { partnerId, ticks: world.ticks };
    }
    case '/progress': {
      const world = worlds.get(partnerId);
      const { userId, badgeId, ruleId, progress, certificateId, credits } = params;
      if (typeof userId !== 'string' || !userId) throw new HttpError(400, 'MISSING_FIELD', '"userId" is required');
      if (certificateId !== undefined) {
        if (typeof credits !== 'number' || !(credits >= 0)) throw new HttpError(400, 'MISSING_FIELD', '"credits" must be a number >= 0');
        return setCertificateCredits(world, certificateById(String(certificateId)), userId, credits, params);
      }
      if (typeof progress !== 'number' || !(progress >= 0)) throw new HttpError(400, 'MISSING_FIELD', '"progress" must be a number >= 0');
      const badge = BADGES.find((b) => b.id === badgeId);
      if (!badge) throw new HttpError(404, 'BADGE_NOT_FOUND', `Badge "${badgeId}" was not found`);
      const ruleIndex = badge.rules.findIndex((r) => r.id === ruleId);
      if (ruleIndex < 0) throw new HttpError(404, 'RULE_NOT_FOUND', `Badge "${badgeId}" has no rule "${ruleId}"`);
      if (policyOf(badge.participationPolicy, userId) === 'do_not_save') {
        throw new HttpError(409, 'DO_NOT_SAVE', `The policy of "${badgeId}" saves no data for "${userId}"`);
      }
      const before = userBadge(world, badge, userId);
      const values = badge.rules.map((r, i) => (i === ruleIndex ? progress : before?.rulesData.find((d) => d.id === r.id)?.progress ?? 0));
      // An achievement keeps its first timestamp; a new one is stamped now.
      const row = userBadgeRow(badge, userId, values, before?.achievedTimestamp ?? new Date().toISOString());
      setUserBadge(world, badge, userId, row);
      return row;
    }
    case '/expire-ks':
      return { partnerId, expired: expireSessions(worlds.get(partnerId)) };
    case '/reset':
      worlds.reset(partnerId);
      return { partnerId, reset: true };
    default:
      throw new HttpError(404, 'NOT_FOUND', `No control endpoint /sandbox/control${rest}`);
  }
}

/**
 * The token endpoint stand-in: what a host backend would answer to its signed-in page.
 * @param {{ params: Record<string, any> }} ctx
 * @returns {{ ks: string, expiresAt: string }}
 */
export function handleToken({ params }) {
  const partnerId = partnerIdOf(params);
  const type = params.type === undefined ? 0 : Number(params.type);
  const expiresIn = params.expiresIn === undefined ? 3600 : Number(params.expiresIn);
  const format = params.format ?? 'v2';
  if (!Number.isInteger(type)) throw new HttpError(400, 'INVALID_TYPE', '"type" must be an integer (0 USER, 2 ADMIN)');
  if (!Number.isFinite(expiresIn)) throw new HttpError(400, 'INVALID_EXPIRES_IN', '"expiresIn" must be a number of seconds');
  if (format !== 'v1' && format !== 'v2') throw new HttpError(400, 'INVALID_FORMAT', '"format" must be "v1" or "v2"');
  return mintSandboxKs({ partnerId, userId: params.userId === undefined ? undefined : String(params.userId), type, privileges: String(params.privileges ?? ''), expiresIn, format });
}
