import type { FetchLike } from './api-v3.js';
import { readBodyText, type BodyFailure } from './body.js';
import { allowedOriginOf, isForeignCrossSite, readAllowedOrigins } from './cors.js';
import { InvalidRequestError, buildBody, isGameProxyAction, type GameProxyAction } from './game-bodies.js';
import { GameUpstream, failure, type UpstreamFailure } from './game-upstream.js';
import { currentUser, isObject, jsonHeaders, jsonResponse, parseJson, type Authenticate, type AuthenticatedUser, type Json } from './http.js';
import { ksAuthenticator, type KsAuthenticatorOptions } from './ks-authenticator.js';
import { addNames, readPolicy, resolvePolicies, rowUserId, visibleRows, type ParticipationPolicy } from './participation.js';
import { TtlCache } from './ttl-cache.js';
import { UserDirectory, type KsSource, type UserDirectoryOptions } from './user-directory.js';

export { GAME_PROXY_ACTIONS, type GameProxyAction } from './game-bodies.js';

/** The widgets send small JSON bodies; anything bigger is refused before it is held in memory. */
const MAX_BODY_BYTES = 64 * 1024;
const BODY_FAILURES: Record<BodyFailure, [status: number, message: string]> = {
  'too-large': [413, 'request body too large'],
  timeout: [408, 'the request body did not arrive in time'],
  unreadable: [400, 'the request body could not be read'],
};

/** An answer the viewer may see, or why there is none. */
type Shown = { ok: true; data: unknown } | UpstreamFailure;

export interface GameProxyOptions<U extends AuthenticatedUser = AuthenticatedUser> {
  /** Game Services base, e.g. `https://scm.nvp1.ovp.kaltura.com/api/v1`. */
  gameUrl: string;
  /** ADMIN KS (the guide requires one for SCM), or a function returning a current one. Never sent to browsers. */
  adminKs: KsSource;
  /**
   * Identifies the viewer from the USER KS the widgets send (`Authorization: Bearer`): the
   * partner id and secret the token endpoint mints with. Needs no cookies, so it works across origins.
   */
  viewerKs?: KsAuthenticatorOptions;
  /** The host's own sign-in check (e.g. a session cookie, for a same-origin proxy); replaces `viewerKs`. Null means 401. */
  authenticate?: Authenticate<U>;
  /** Origins of pages on other sites that may call the proxy (CORS, without cookies). */
  allowedOrigins?: string[];
  /** API v3 look-ups: `fullName` for score rows, and the emails and groups participation policies match on. */
  userDirectory?: UserDirectoryOptions;
  /** How long a leaderboard's participation policy is reused, in ms (default 60 000). */
  policyCacheMs?: number;
  fetch?: FetchLike;
  /** Upstream time limit in ms (default 15 000). */
  timeoutMs?: number;
  /** Time limit for reading the browser's request body, in ms (default 10 000). */
  bodyTimeoutMs?: number;
  /** Told about upstream and look-up failures (never given a KS), for the host's logging. */
  onError?: (error: unknown, request: Request) => void;
}

/**
 * A read-only, allow-listed Game Services proxy. Mount it under a path (e.g. `/api/game/`): the
 * last two path segments are `{controller}/{action}`. The browser never sees the ADMIN KS, can
 * only call the read actions in GAME_PROXY_ACTIONS, only reads its own per-user data, and never
 * sees rows the leaderboard's participation policy hides from other users.
 */
export function createGameProxy<U extends AuthenticatedUser = AuthenticatedUser>(
  options: GameProxyOptions<U>,
): (request: Request) => Promise<Response> {
  const { adminKs, userDirectory, timeoutMs = 15_000, bodyTimeoutMs = 10_000, policyCacheMs = 60_000, onError } = options;
  if (typeof options.gameUrl !== 'string' || !/^https?:\/\//.test(options.gameUrl)) {
    throw new TypeError('createGameProxy: gameUrl must be an http(s) URL, e.g. https://scm.nvp1.ovp.kaltura.com/api/v1');
  }
  if (adminKs === undefined || adminKs === '') throw new TypeError('createGameProxy: adminKs is required');
  const authenticate: Authenticate = options.authenticate ?? viewerKsAuthenticator(options.viewerKs);
  const origins = readAllowedOrigins(options.allowedOrigins, 'createGameProxy');
  const upstream = new GameUpstream(options.gameUrl, adminKs, options.fetch, timeoutMs);
  const directory = userDirectory ? new UserDirectory(userDirectory, adminKs, options.fetch) : undefined;
  // One read per board at a time (its answer serves every request waiting on it), reused for policyCacheMs.
  const policies = new TtlCache<Promise<ParticipationPolicy>>(policyCacheMs, 1_000);

  function policyOf(boardId: string): Promise<ParticipationPolicy> {
    const cached = policies.get(boardId);
    if (cached) return cached;
    // Not tied to one request's signal: other requests may be waiting on the same read.
    const read = upstream.call('leaderboard/get', { id: boardId }, AbortSignal.timeout(timeoutMs)).then((board) => {
      if (!board.ok) throw new Error(`leaderboard/get for the participation policy failed: ${board.status} ${board.body.code}`);
      return readPolicy(board.data);
    });
    policies.set(boardId, read);
    read.catch(() => policies.delete(boardId));
    return read;
  }

  function rememberPolicy(boardId: string, board: unknown): void {
    try {
      policies.set(boardId, Promise.resolve(readPolicy(board)));
    } catch {
      // An unreadable policy is read again (and fails closed) when a score read needs it.
    }
  }

  /** What the viewer may see of a 2xx answer, or a failure when it cannot be made safe to show. */
  async function forViewer(action: GameProxyAction, sent: Json, data: unknown, viewerId: string, request: Request): Promise<Shown> {
    const perUser = action === 'userScore/get' || action === 'userScore/ruleProgress';
    if (perUser && !(isObject(data) && (data.userId == null || data.userId === viewerId))) {
      return failure(502, 'UPSTREAM_INVALID_RESPONSE', 'Game Services answered about another user');
    }
    // Sub-leaderboard rows are segments (a country, a company), not users: nothing to hide or name.
    const scoreRows = action === 'userScore/get' || (action === 'userScore/list' && sent.subLeaderboardId == null);
    if (!scoreRows) return { ok: true, data };
    if (!isObject(data) || (action === 'userScore/list' && !Array.isArray(data.objects))) {
      return failure(502, 'UPSTREAM_INVALID_RESPONSE', 'Game Services answered with an unexpected shape');
    }
    // userScore/get is about the viewer (the proxy asked for them), whatever its row says.
    const rows = action === 'userScore/get' ? [{ ...data, userId: viewerId }] : (data.objects as unknown[]);
    let visible: Json[];
    try {
      const policy = await policyOf(String(sent.gameObjectId));
      const policyFor = await resolvePolicies(policy, rows.filter(isObject).flatMap((row) => rowUserId(row) ?? []), directory);
      visible = visibleRows(rows, policyFor, viewerId);
    } catch (error) {
      return failure(502, 'POLICY_UNAVAILABLE', "the leaderboard's participation policy could not be applied", null, error);
    }
    if (directory) await addNames(visible, directory, (error) => onError?.(error, request));
    // Counts and ranks stay the service's: hidden participants keep their place.
    return { ok: true, data: action === 'userScore/get' ? visible[0] : { totalCount: data.totalCount, objects: visible } };
  }

  return async (request) => {
    const origin = allowedOriginOf(request, origins);
    const cors: Record<string, string> = {
      ...(origins.size > 0 ? { Vary: 'Origin' } : {}),
      ...(origin ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After' } : {}),
    };
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      jsonResponse(status, body, { ...cors, ...headers });

    if (request.method === 'OPTIONS' && origin) {
      const preflight = { 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Max-Age': '600' };
      return new Response(null, { status: 204, headers: { ...cors, ...preflight } });
    }
    if (request.method !== 'POST') return answer(405, { code: 'METHOD_NOT_ALLOWED', message: 'use POST' }, { Allow: 'POST' });
    // Reads cannot be changed cross-site, but there is no reason to answer an origin the host did not list.
    if (isForeignCrossSite(request, origin)) return answer(403, { code: 'FORBIDDEN', message: 'cross-site requests are not allowed' });
    const user = await currentUser(authenticate, request);
    if (!user) return answer(401, { code: 'UNAUTHORIZED', message: 'not signed in' });

    const [controller = '', action = ''] = new URL(request.url).pathname.split('/').filter(Boolean).slice(-2);
    const key = `${controller}/${action}`;
    if (!isGameProxyAction(key)) {
      const shown = key.length > 80 ? `${key.slice(0, 80)}…` : key;
      return answer(403, { code: 'FORBIDDEN_ACTION', message: `action "${shown}" is not allowed through this proxy` });
    }

    // Only now, for a known viewer and action, is the body read.
    const read = await readBodyText(request, MAX_BODY_BYTES, bodyTimeoutMs);
    if ('failure' in read) {
      const [status, message] = BODY_FAILURES[read.failure];
      return answer(status, { code: 'INVALID_REQUEST', message });
    }
    const body = read.text.trim() === '' ? {} : parseJson(read.text);
    if (!isObject(body)) return answer(400, { code: 'INVALID_REQUEST', message: 'body must be a JSON object' });
    let sent: Json;
    try {
      sent = buildBody(key, body, user.userId);
    } catch (error) {
      if (error instanceof InvalidRequestError) return answer(400, { code: 'INVALID_REQUEST', message: error.message });
      throw error;
    }

    const fail = (shown: UpstreamFailure) => {
      if (shown.error !== undefined) onError?.(shown.error, request);
      return answer(shown.status, shown.body, retryAfterOf(shown));
    };
    const result = await upstream.call(key, sent, request.signal);
    if (!result.ok) return fail(result);
    // A board read for the page carries its policy: later score reads need not ask again.
    if (key === 'leaderboard/get') rememberPolicy(String(sent.id), result.data);
    const shown = await forViewer(key, sent, result.data, user.userId, request);
    if (!shown.ok) return fail(shown);
    // Whatever a service echoes, the ADMIN KS never reaches a browser.
    const text = JSON.stringify(shown.data).split(result.adminKs).join('[redacted]');
    return new Response(text, { status: 200, headers: jsonHeaders({ ...cors, ...retryAfterOf(result) }) });
  };
}

const retryAfterOf = ({ retryAfter }: { retryAfter: string | null }) => (retryAfter ? { 'Retry-After': retryAfter } : undefined);

function viewerKsAuthenticator(viewerKs: KsAuthenticatorOptions | undefined): Authenticate {
  if (!viewerKs) throw new TypeError('createGameProxy: give viewerKs ({ partnerId, secret }) or an authenticate function');
  return ksAuthenticator(viewerKs);
}

