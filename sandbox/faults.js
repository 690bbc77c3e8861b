// @ts-check
/**
 * Fault queues: `fail`, `malformed` and `hang` entries queued through /sandbox/control, each consumed
 * by the next calls that match it.
 */
import { HttpError } from './http.js';

/** @typedef {import('./world.js').Fault} Fault */
/** @typedef {import('./world.js').World} World */

/** Valid JSON whose every familiar field has the wrong type: no service's schema should accept it. */
export const WRONG_SHAPE = Object.freeze({
  id: 42, objects: 'not-a-list', totalCount: 'many', unsubscribedGroups: 42, success: 'maybe', data: null, ks: false, userId: 7,
});

/** JSON cut off mid-way. */
export const BROKEN_JSON = '{"totalCount": 3, "objects": [{"userId": "user-1", "rank": 1, "sco';

/** The short code a faulted JSON answer carries for its status. */
export function faultCode(/** @type {number} */ status) {
  return { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 408: 'TIMEOUT', 429: 'TOO_MANY_REQUESTS', 502: 'BAD_GATEWAY', 503: 'SERVICE_UNAVAILABLE', 504: 'GATEWAY_TIMEOUT' }[status]
    ?? (status >= 500 ? 'INTERNAL_ERROR' : 'SANDBOX_FAULT');
}

/** @param {unknown} value @param {string} what */
function count(value, what) {
  if (value === undefined) return 1;
  if (value === -1 || value === null) return Infinity; // JSON has no Infinity: -1 means forever.
  if (!Number.isInteger(value) || /** @type {number} */ (value) < 1) throw new HttpError(400, 'INVALID_SWITCH', `${what}.count must be a positive integer, or -1 for forever`);
  return /** @type {number} */ (value);
}

/** @param {unknown} value @param {string} what */
function match(value, what) {
  if (value === undefined) return {};
  if (typeof value !== 'string' || !value) throw new HttpError(400, 'INVALID_SWITCH', `${what}.match must be a non-empty string`);
  return { match: value };
}

/**
 * Reads the fault entries of a control body; each key takes one entry or an array of them.
 * @param {Record<string, any>} body
 * @returns {Fault[]}
 */
export function parseFaults(body) {
  /** @type {Fault[]} */
  const faults = [];
  const entries = (/** @type {string} */ key) => (body[key] === undefined ? [] : Array.isArray(body[key]) ? body[key] : [body[key]]);
  for (const f of entries('fail')) {
    const status = f?.status;
    if (!Number.isInteger(status) || (status !== 0 && (status < 100 || status > 599))) {
      throw new HttpError(400, 'INVALID_SWITCH', 'fail.status must be an HTTP status, or 0 to drop the connection');
    }
    if (f.retryAfter !== undefined && !(typeof f.retryAfter === 'number' && f.retryAfter >= 0)) {
      throw new HttpError(400, 'INVALID_SWITCH', 'fail.retryAfter must be a number of seconds');
    }
    faults.push({ kind: 'fail', status, remaining: count(f.count, 'fail'), ...match(f.match, 'fail'), ...(f.retryAfter === undefined ? {} : { retryAfter: f.retryAfter }), ...('body' in f ? { body: f.body } : {}) });
  }
  for (const f of entries('malformed')) {
    const shape = f?.kind ?? 'json';
    if (shape !== 'json' && shape !== 'shape') throw new HttpError(400, 'INVALID_SWITCH', 'malformed.kind must be "json" or "shape"');
    faults.push({ kind: 'malformed', shape, remaining: count(f.count, 'malformed'), ...match(f.match, 'malformed') });
  }
  for (const f of entries('hang')) {
    faults.push({ kind: 'hang', remaining: count(f?.count, 'hang'), ...match(f?.match, 'hang') });
  }
  return faults;
}

/**
 * Takes the first queued fault that matches a call, consuming one of its uses. An entry without
 * `match` hits service calls only: the token endpoint is faulted only when a `match` names it, so a
 * plain `fail` never lands on the KS fetch that precedes the call a test means to break.
 * @param {World} world @param {string} path @param {boolean} isService
 */
export function takeFault(world, path, isService) {
  const i = world.faults.findIndex((f) => (f.match ? path.includes(f.match) : isService));
  if (i < 0) return undefined;
  const fault = world.faults[i];
  fault.remaining--;
  if (fault.remaining <= 0) world.faults.splice(i, 1);
  return fault;
}
