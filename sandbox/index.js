// @ts-check
/**
 * The Kaltura sandbox: a local stand-in for Game Services, the Events Platform, Messaging, KAF rooms
 * and a few API v3 actions, written from the Kaltura guides alone (it imports nothing from src/). One Connect/Node
 * middleware serves everything under /sandbox; see sandbox/README.md for every endpoint and switch.
 */
import { apiV3ErrorBody, apiV3Partner, handleApiV3, readParams } from './api-v3.js';
import { serveAsset } from './assets.js';
import { handleControl, handleToken } from './control.js';
import { BROKEN_JSON, WRONG_SHAPE, faultCode, takeFault } from './faults.js';
import { handleEvents } from './events.js';
import { handleGame } from './game.js';
import { HttpError, corsHeaders, requestOrigin, bearerToken, parseJsonBody, readBody, send, sendError, sendJson } from './http.js';
import { errorPage, handleKaf, kafErrorBody, viewRoomKs } from './kaf.js';
import { checkKs, claimedPartnerId } from './ks.js';
import { handleMessaging } from './messaging.js';
import { tick } from './scores.js';
import { expiredOnDemand } from './sessions.js';
import { createWorlds, recordCall } from './world.js';

export { mintSandboxKs, sandboxAdminSecret } from './ks.js';
export { SANDBOX_APP_TOKEN } from './api-v3.js';
export { SEEDED_PEOPLE } from './data.js';
export { SEEDED_EVENTS } from './events-data.js';

/** @typedef {import('./http.js').Req} Req */
/** @typedef {import('./http.js').Res} Res */
/** @typedef {import('./world.js').World} World */
/** @typedef {import('./world.js').Worlds} Worlds */
/** @typedef {import('./world.js').Fault} Fault */
/** @typedef {import('./ks.js').KsInfo} KsInfo */

/** Live partners tick this often when the sandbox was given no autoTickMs. */
const DEFAULT_TICK_MS = 5000;

/**
 * One service call on its way through the sandbox.
 * @typedef {{ req: Req, res: Res, url: URL, method: string, body: Buffer, worlds: Worlds, world?: World, userId?: string,
 *   params: Record<string, string>, hang: () => void }} Call
 * @typedef {{ contentType: string, body: string }} ErrorBody
 * @typedef {{ prefix: string, claim: (call: Call, rest: string) => number | undefined, run: (call: Call, rest: string) => unknown,
 *   errorBody: (code: string, message: string, status: number, rest: string) => ErrorBody }} Family
 */

/** A JSON body, or `{}` when it is not one: only for finding a KS before the real parse. */
function looseJson(/** @type {Buffer} */ body) {
  try {
    return parseJsonBody(body);
  } catch {
    return {};
  }
}

/** @param {import('./ks.js').KsCheck & { ok: false }} check */
function ksError(check) {
  switch (check.reason) {
    case 'missing': return new HttpError(401, 'MISSING_KS', 'A KS is required: send "Authorization: Bearer <KS>"');
    case 'expired': return new HttpError(401, 'EXPIRED_KS', 'The KS has expired');
    case 'signature': return new HttpError(401, 'INVALID_KS', 'The KS signature does not match');
    default: return new HttpError(401, 'INVALID_KS', 'The KS cannot be decoded');
  }
}

/** @type {(code: string, message: string) => ErrorBody} */
const jsonError = (code, message) => ({ contentType: 'application/json; charset=utf-8', body: JSON.stringify({ code, message }) });

/**
 * The JSON microservices (Game Services, Messaging, the Events Platform): POST, JSON body,
 * `Authorization: Bearer <KS>`. Where `bodyKs` is set, a `ks` field in the body is the fallback (the
 * Events Platform guide names the header only, §3).
 * @param {string} prefix @param {(ctx: { body: Record<string, any>, origin: string, authenticate: () => { ks: KsInfo, world: World } }, action: string) => unknown} handler
 * @param {{ bodyKs?: boolean }} [options]
 * @returns {Family}
 */
const jsonService = (prefix, handler, { bodyKs = true } = {}) => ({
  prefix,
  claim: ({ req, body }) => claimedPartnerId(bearerToken(req) ?? (bodyKs ? String(looseJson(body).ks ?? '') : '')),
  run: (call, action) => {
    if (call.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Services are called with POST and a JSON body');
    const body = parseJsonBody(call.body);
    const authenticate = () => {
      const ks = bearerToken(call.req) ?? (bodyKs && typeof body.ks === 'string' ? body.ks : undefined);
      const check = checkKs(ks);
      if (!check.ok) throw ksError(check);
      const world = call.worlds.get(check.ks.partnerId);
      if (expiredOnDemand(world, /** @type {string} */ (ks), check.ks)) throw ksError({ ok: false, reason: 'expired' });
      call.userId = check.ks.userId;
      return { ks: check.ks, world };
    };
    return handler({ body, origin: requestOrigin(call.req), authenticate }, action.replace(/\/$/, ''));
  },
  errorBody: jsonError,
});

/** @type {Family[]} */
const FAMILIES = [
  jsonService('/sandbox/scm/api/v1/', handleGame),
  jsonService('/sandbox/messaging/api/v1/', handleMessaging),
  jsonService('/sandbox/events-api/api/v1/', handleEvents, { bodyKs: false }),
  {
    prefix: '/sandbox/kaf/embeddedrooms/index/',
    claim: ({ url, body }, rest) =>
      claimedPartnerId(rest.startsWith('view-room') ? viewRoomKs(rest.split('/').slice(1), url) : String(looseJson(body).ks ?? '')),
    run: (call, rest) =>
      handleKaf({ ...call, setUserId: (id) => (call.userId = id) }, rest),
    errorBody: (code, message, status, rest) =>
      rest.startsWith('view-room')
        ? { contentType: 'text/html; charset=utf-8', body: errorPage(status, code, message) }
        : { contentType: 'application/json; charset=utf-8', body: JSON.stringify(kafErrorBody(status >= 500 ? 'internalError' : 'invalidRequest', message)) },
  },
  {
    prefix: '/sandbox/api_v3/',
    claim: (call) => {
      call.params = readParams(call.url, call.body, call.req.headers['content-type']);
      return apiV3Partner(call.params);
    },
    run: (call, rest) => handleApiV3({ params: call.params, setUserId: (id) => (call.userId = id) }, rest),
    errorBody: (code, message) => ({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(apiV3ErrorBody(code, message)) }),
  },
];

/**
 * The regions each JSON service's host exists in: `scm` per the Gamification guide §3.1, `messaging`
 * per the Messaging guide's header, `events-api` per the Events Platform guide §4.
 * `/sandbox/{region}/{service}/...` addresses one of those hosts.
 * @type {Record<string, string[]>}
 */
const REGIONS = {
  scm: ['nvp1', 'irp2', 'frp2', 'sgp2', 'syp2', 'cap2'],
  messaging: ['nvp1', 'irp2', 'frp2'],
  'events-api': ['nvp1', 'irp2', 'frp2'],
};

/**
 * A region-addressed path as its unprefixed (nvp1) twin; any other path as it is.
 * @param {string} path
 */
function regionless(path) {
  const m = /^\/sandbox\/([a-z]+\d+)\/([^/]+)(\/.*)?$/.exec(path);
  if (!m) return path;
  const [, region, service, rest = ''] = m;
  if (!Object.hasOwn(REGIONS, service) || !REGIONS[service].includes(region)) throw new HttpError(404, 'UNKNOWN_HOST', `There is no ${service} host in region ${region}`);
  return `/sandbox/${service}${rest}`;
}

/**
 * Answers a call with a queued fault.
 * @param {Fault} fault @param {Call} call @param {(code: string, message: string, status: number) => ErrorBody} errorBody
 */
function applyFault(fault, { req, res, hang }, errorBody) {
  if (fault.kind === 'hang') return hang();
  if (fault.kind === 'malformed') {
    if (fault.shape === 'shape') sendJson(res, 200, WRONG_SHAPE);
    else send(res, 200, 'application/json; charset=utf-8', BROKEN_JSON);
    return;
  }
  const status = /** @type {number} */ (fault.status);
  if (status === 0) {
    req.socket.destroy(); // a network drop: no status line at all
    return;
  }
  /** @type {Record<string, string>} */
  const headers = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
  if (fault.body === undefined) {
    const { contentType, body } = errorBody(faultCode(status), `Sandbox fault: HTTP ${status}`, status);
    send(res, status, contentType, body, headers);
  } else if (typeof fault.body === 'string') send(res, status, 'text/plain; charset=utf-8', fault.body, headers);
  else sendJson(res, status, fault.body, headers);
}

/** Paths in the call log never carry a KS. */
const redact = (/** @type {string} */ path) => path.replace(/\/ks\/[^/]+/, '/ks/[redacted]');

/**
 * @param {{ autoTickMs?: number, frontDoors?: string[] }} [options] autoTickMs: move every partner's live
 *   boards this often (partners can opt out with the `live: false` switch). frontDoors: path prefixes of a
 *   host's own endpoints mounted beside the sandbox (in tests, the Game proxy at `/api/game/`) whose
 *   calls take the partner's queued faults first, so a page can be tested against a failing proxy.
 */
export function createSandbox({ autoTickMs, frontDoors = [] } = {}) {
  const worlds = createWorlds();
  /** @type {Set<Res>} */
  const hung = new Set();
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let timer;

  // One timer for all partners; `live: null` (the default) follows whether autoTickMs was given.
  const startTicking = () => {
    if (timer) return;
    timer = setInterval(() => {
      for (const world of worlds.all()) if (world.switches.live ?? Boolean(autoTickMs)) tick(world);
    }, autoTickMs || DEFAULT_TICK_MS);
    timer.unref?.();
  };
  if (autoTickMs) startTicking();

  /** Keeps a response open until the client gives up (or the sandbox closes). */
  const hangOn = (/** @type {Res} */ res) => () => {
    hung.add(res);
    res.on('close', () => hung.delete(res));
  };

  /** @param {Family} family @param {Call} call @param {string} rest */
  async function serveService(family, call, rest) {
    const { res, method } = call;
    const partnerId = family.claim(call, rest);
    const world = partnerId ? worlds.get(partnerId) : undefined;
    call.world = world;
    if (world) {
      // Logged on arrival (so the log keeps arrival order) with status 0 until an answer is complete:
      // a hung, dropped or abandoned call stays at 0.
      /** @type {import('./world.js').LoggedCall} */
      const entry = { method, path: redact(call.url.pathname), status: 0, at: new Date().toISOString() };
      recordCall(world, entry);
      res.on('close', () => {
        if (res.writableFinished) entry.status = res.statusCode;
        if (call.userId) entry.userId = call.userId;
      });
      if (world.switches.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, world.switches.latencyMs));
      const fault = takeFault(world, call.url.pathname, true);
      if (fault) return applyFault(fault, call, (code, message, status) => family.errorBody(code, message, status, rest));
    }
    try {
      const value = await family.run(call, rest);
      if (value !== undefined) sendJson(res, 200, value);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      const { contentType, body } = family.errorBody(err.code, err.message, err.status, rest);
      send(res, err.status, contentType, body);
    }
  }

  /**
   * A call to a front door answered with the first queued fault that matches it, or with 401 when its
   * USER KS was expired on demand (true); else left to the host's handler (false). Only answered calls
   * are logged: the others reach the sandbox's services through the host and are logged there.
   * @param {Req} req @param {Res} res @param {URL} url
   */
  function answerAtFrontDoor(req, res, url) {
    const ks = bearerToken(req);
    const partnerId = claimedPartnerId(ks);
    const world = partnerId ? worlds.get(partnerId) : undefined;
    if (!world) return false;
    const fault = takeFault(world, url.pathname, true);
    const check = fault ? undefined : checkKs(ks);
    const expired = check?.ok === true && expiredOnDemand(world, /** @type {string} */ (ks), check.ks);
    if (!fault && !expired) return false;
    /** @type {import('./world.js').LoggedCall} */
    const entry = { method: req.method ?? 'POST', path: url.pathname, status: 0, at: new Date().toISOString() };
    recordCall(world, entry);
    res.on('close', () => {
      if (res.writableFinished) entry.status = res.statusCode;
    });
    if (!fault) {
      sendError(res, ksError({ ok: false, reason: 'expired' }));
      return true;
    }
    /** @type {Call} */
    const call = { req, res, url, method: entry.method, body: Buffer.alloc(0), worlds, params: {}, hang: hangOn(res) };
    applyFault(fault, call, jsonError);
    return true;
  }

  /** @param {Req} req @param {Res} res @param {URL} url */
  async function route(req, res, url) {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req));
      res.end();
      return;
    }
    if (path.startsWith('/sandbox/assets/')) {
      if (!serveAsset(res, path.slice('/sandbox/assets/'.length))) throw new HttpError(404, 'NOT_FOUND', `No sandbox asset at ${path}`);
      return;
    }
    const body = await readBody(req);
    /** @type {Call} */
    const call = { req, res, url, method, body, worlds, params: {}, hang: hangOn(res) };

    if (path === '/sandbox/ks' || path === '/sandbox/ks/') {
      const params = { ...Object.fromEntries(url.searchParams), ...(/json/i.test(req.headers['content-type'] ?? '') ? parseJsonBody(body) : Object.fromEntries(new URLSearchParams(body.toString('utf8')))) };
      const partnerId = Number(params.partnerId);
      if (Number.isSafeInteger(partnerId) && partnerId > 0) {
        const world = worlds.get(partnerId);
        world.tokenCalls++;
        const fault = takeFault(world, path, false);
        if (fault) return applyFault(fault, call, jsonError);
      }
      const minted = handleToken({ params });
      if (params.as === 'text') send(res, 200, 'text/plain; charset=utf-8', minted.ks);
      else sendJson(res, 200, minted);
      return;
    }
    if (path === '/sandbox/control' || path.startsWith('/sandbox/control/')) {
      const params = { ...Object.fromEntries(url.searchParams), ...parseJsonBody(body) };
      sendJson(res, 200, handleControl({ method, params, worlds, onLive: startTicking }, path.slice('/sandbox/control'.length)));
      return;
    }
    const servicePath = regionless(path);
    const family = FAMILIES.find((f) => servicePath.startsWith(f.prefix));
    if (!family) throw new HttpError(404, 'NOT_FOUND', `Nothing in the sandbox at ${path} (see sandbox/README.md)`);
    await serveService(family, call, servicePath.slice(family.prefix.length));
  }

  return {
    /**
     * Connect/Node middleware: answers everything under /sandbox, passes anything else to `next`.
     * @param {Req} req @param {Res} res @param {(err?: unknown) => void} [next]
     */
    handle(req, res, next) {
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      if (url.pathname !== '/sandbox' && !url.pathname.startsWith('/sandbox/')) {
        if (frontDoors.some((prefix) => url.pathname.startsWith(prefix)) && answerAtFrontDoor(req, res, url)) return;
        if (next) next();
        else sendError(res, new HttpError(404, 'NOT_FOUND', `Not a sandbox path: ${url.pathname}`));
        return;
      }
      route(req, res, url).catch((err) => {
        if (err instanceof HttpError) return sendError(res, err);
        // Messages and stacks here never hold a KS: the sandbox never puts one in an Error.
        console.error('[sandbox]', err);
        sendError(res, new HttpError(500, 'INTERNAL_ERROR', 'The sandbox failed to handle this request'));
      });
    },
    /** Forgets every partner's switches, faults and changes. */
    reset() {
      worlds.reset();
    },
    /** Stops the live timer and lets go of hung requests (the standalone server calls this on close). */
    close() {
      clearInterval(timer);
      timer = undefined;
      for (const res of hung) res.destroy();
      hung.clear();
    },
  };
}
