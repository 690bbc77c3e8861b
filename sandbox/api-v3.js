// @ts-check
/**
 * The few API v3 actions the kit's server companion uses, at /sandbox/api_v3/service/{service}/action/{action}:
 * form-encoded POST (JSON bodies and query strings are read too), JSON answers, and errors the API v3
 * way: HTTP 200 with a KalturaAPIException body.
 */
import { createHash } from 'node:crypto';
import { GROUP_USERS, USER_COUNT, userAt, userIndexOf } from './data.js';
import { KS_TYPE_ADMIN, KS_TYPE_USER, checkKs, claimedPartnerId, mintSandboxKs, sandboxAdminSecret } from './ks.js';

/** @typedef {import('./ks.js').KsInfo} KsInfo */
/** @typedef {Record<string, string>} Params flat `name[sub]=value` parameters */

/** The sandbox's one app token, valid for every partner. */
export const SANDBOX_APP_TOKEN = Object.freeze({ id: '0_sandboxapptoken', token: 'sandbox-app-token-value', hashType: 'SHA256' });

/** API v3's default session length when `expiry` is not given. */
const DEFAULT_EXPIRY = 86_400;

class ApiV3Error extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** The API v3 exception body. */
export const apiV3ErrorBody = (/** @type {string} */ code, /** @type {string} */ message) => ({ objectType: 'KalturaAPIException', code, message, args: {} });

/**
 * Flattens a JSON body into API v3's bracket notation, so `{ filter: { idIn: 'a' } }` reads like `filter[idIn]=a`.
 * @param {unknown} value @param {string} prefix @param {Params} out
 */
function flatten(value, prefix, out) {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}[${k}]` : k, out);
  } else if (value !== undefined && value !== null) out[prefix] = String(value);
  return out;
}

/**
 * All parameters of a call: query string, then the body (form-encoded or JSON) on top.
 * @param {URL} url @param {Buffer} body @param {string | undefined} contentType
 * @returns {Params}
 */
export function readParams(url, body, contentType) {
  /** @type {Params} */
  const params = Object.fromEntries(url.searchParams);
  const text = body.toString('utf8');
  if (/json/i.test(contentType ?? '')) {
    try {
      flatten(JSON.parse(text || '{}'), '', params);
    } catch {
      // An unreadable body adds nothing: the action then reports the parameters it misses.
    }
  } else Object.assign(params, Object.fromEntries(new URLSearchParams(text)));
  return params;
}

/** The partner a call is about, before any check: from its KS, else `partnerId`, else a `_123` widget id. */
export function apiV3Partner(/** @type {Params} */ params) {
  const fromWidget = /^_(\d+)$/.exec(params.widgetId ?? '');
  return claimedPartnerId(params.ks) ?? (Number(params.partnerId) || (fromWidget ? Number(fromWidget[1]) : undefined));
}

/** @param {Params} params @param {string} name */
function required(params, name) {
  if (!params[name]) throw new ApiV3Error('MISSING_MANDATORY_PARAMETER', `Missing parameter "${name}"`);
  return params[name];
}

/** @param {Params} params @param {string} name @param {number} fallback */
function intParam(params, name, fallback) {
  if (params[name] === undefined || params[name] === '') return fallback;
  const n = Number(params[name]);
  if (!Number.isInteger(n)) throw new ApiV3Error('INVALID_PARAMETER_TYPE', `Parameter "${name}" must be an integer`);
  return n;
}

/** @param {Params} params @returns {KsInfo} */
function requireKs(params) {
  if (!params.ks) throw new ApiV3Error('MISSING_KS', 'Missing KS. Session not established');
  const check = checkKs(params.ks);
  if (!check.ok) throw new ApiV3Error('INVALID_KS', `Invalid KS. Error: ${check.reason === 'expired' ? 'EXPIRED' : 'INVALID_STR'}`);
  return check.ks;
}

/** @param {number} type */
function sessionType(type) {
  if (type !== KS_TYPE_USER && type !== KS_TYPE_ADMIN) throw new ApiV3Error('INVALID_ENUM_VALUE', `Invalid session type ${type}`);
  return type;
}

/** @param {Params} params @param {(id: string) => void} setUserId @param {string} service */
function requireAdminKs(params, setUserId, service) {
  const ks = requireKs(params);
  setUserId(ks.userId);
  if (ks.type !== KS_TYPE_ADMIN) throw new ApiV3Error('SERVICE_FORBIDDEN', `The access to service [${service}] is forbidden`);
}

/** `pager[pageSize]` (1–500, default 30) and `pager[pageIndex]` (1-based). @param {Params} params */
function pagerOf(params) {
  const pageSize = Math.min(Math.max(intParam(params, 'pager[pageSize]', 30), 1), 500);
  const pageIndex = Math.max(intParam(params, 'pager[pageIndex]', 1), 1);
  return { offset: (pageIndex - 1) * pageSize, pageSize };
}

/** A comma-separated id list. */
const idsOf = (/** @type {string} */ text) => text.split(',').map((id) => id.trim()).filter(Boolean);

/** @param {number} index */
function kalturaUser(index) {
  const u = userAt(index);
  return { objectType: 'KalturaUser', id: u.id, fullName: u.fullName, firstName: u.firstName, lastName: u.lastName, ...(u.email ? { email: u.email } : {}) };
}

/** @type {Record<string, (params: Params, setUserId: (id: string) => void) => unknown>} */
const ACTIONS = {
  'session/start': (params) => {
    const partnerId = intParam(params, 'partnerId', 0);
    if (partnerId <= 0) throw new ApiV3Error('MISSING_MANDATORY_PARAMETER', 'Missing parameter "partnerId"');
    if (required(params, 'secret') !== sandboxAdminSecret(partnerId)) throw new ApiV3Error('START_SESSION_ERROR', `Error while starting session for partner [${partnerId}]`);
    return mintSandboxKs({
      partnerId, userId: params.userId ?? '', type: sessionType(intParam(params, 'type', KS_TYPE_USER)),
      privileges: params.privileges ?? '', expiresIn: intParam(params, 'expiry', DEFAULT_EXPIRY),
    }).ks;
  },

  'session/startWidgetSession': (params) => {
    const m = /^_(\d+)$/.exec(required(params, 'widgetId'));
    if (!m || Number(m[1]) <= 0) throw new ApiV3Error('INVALID_WIDGET_ID', `Invalid widget id [${params.widgetId}]`);
    const partnerId = Number(m[1]);
    const { ks } = mintSandboxKs({ partnerId, userId: '', privileges: 'widget:1,view:*', expiresIn: intParam(params, 'expiry', DEFAULT_EXPIRY) });
    return { objectType: 'KalturaStartWidgetSessionResponse', partnerId, ks, userId: 0 };
  },

  // The app token HMAC exchange: tokenHash = sha256hex(widget KS + token).
  'appToken/startSession': (params, setUserId) => {
    const widgetKs = requireKs(params);
    if (required(params, 'id') !== SANDBOX_APP_TOKEN.id) throw new ApiV3Error('APP_TOKEN_ID_NOT_FOUND', `Application token id [${params.id}] not found`);
    const expected = createHash('sha256').update(params.ks + SANDBOX_APP_TOKEN.token).digest('hex');
    if (required(params, 'tokenHash').toLowerCase() !== expected) throw new ApiV3Error('INVALID_APP_TOKEN_HASH', 'Invalid application token hash');
    const userId = params.userId ?? '';
    setUserId(userId);
    const type = sessionType(intParam(params, 'type', KS_TYPE_USER));
    const privileges = params.sessionPrivileges ?? '';
    const { ks, expiresAt } = mintSandboxKs({ partnerId: widgetKs.partnerId, userId, type, privileges, expiresIn: intParam(params, 'expiry', DEFAULT_EXPIRY) });
    return { objectType: 'KalturaSessionInfo', ks, partnerId: widgetKs.partnerId, userId, sessionType: type, expiry: Date.parse(expiresAt) / 1000, privileges };
  },

  'user/list': (params, setUserId) => {
    requireAdminKs(params, setUserId, 'user->list');
    const { offset, pageSize } = pagerOf(params);
    const wanted = params['filter[idIn]'] ?? params['filter[idEqual]'];
    if (wanted === undefined) {
      const objects = [];
      for (let i = offset; i < Math.min(offset + pageSize, USER_COUNT); i++) objects.push(kalturaUser(i));
      return { objectType: 'KalturaUserListResponse', totalCount: USER_COUNT, objects };
    }
    // Unknown ids are simply absent, as in Kaltura.
    const found = [...new Set(idsOf(wanted))].map(userIndexOf).filter((i) => i >= 0);
    return { objectType: 'KalturaUserListResponse', totalCount: found.length, objects: found.slice(offset, offset + pageSize).map(kalturaUser) };
  },

  // Group membership, as the overview names it (`group_group` groups, `groupUser` membership).
  'groupUser/list': (params, setUserId) => {
    requireAdminKs(params, setUserId, 'groupUser->list');
    const { offset, pageSize } = pagerOf(params);
    /** @param {string} one @param {string} many */
    const wanted = (one, many) => (params[many] !== undefined ? idsOf(params[many]) : params[one] !== undefined ? [params[one]] : undefined);
    const users = wanted('filter[userIdEqual]', 'filter[userIdIn]');
    const groups = wanted('filter[groupIdEqual]', 'filter[groupIdIn]');
    const rows = GROUP_USERS.filter(([userId, groupId]) => (!users || users.includes(userId)) && (!groups || groups.includes(groupId)));
    return {
      objectType: 'KalturaGroupUserListResponse', totalCount: rows.length,
      objects: rows.slice(offset, offset + pageSize).map(([userId, groupId]) => ({ objectType: 'KalturaGroupUser', userId, groupId, status: 1 })),
    };
  },
};

/**
 * @param {{ params: Params, setUserId: (id: string) => void }} ctx
 * @param {string} rest the path after /api_v3/, e.g. `service/user/action/list`
 */
export function handleApiV3(ctx, rest) {
  const m = /^service\/([^/]+)\/action\/([^/]+)\/?$/.exec(rest);
  if (!m) return apiV3ErrorBody('SERVICE_DOES_NOT_EXISTS', 'Use /service/{service}/action/{action}');
  const run = ACTIONS[`${m[1]}/${m[2]}`];
  if (!run) return apiV3ErrorBody('ACTION_DOES_NOT_EXISTS', `Action "${m[2]}" of service "${m[1]}" is not in the sandbox`);
  try {
    return run(ctx.params, ctx.setUserId);
  } catch (err) {
    if (err instanceof ApiV3Error) return apiV3ErrorBody(err.code, err.message);
    throw err;
  }
}
