import type { FetchLike } from './api-v3.js';
import { readBodyText, type BodyFailure } from './body.js';
import { allowedOriginOf, isForeignCrossSite, readAllowedOrigins } from './cors.js';
import { currentUser, isObject, jsonHeaders, jsonResponse, parseJson, type Authenticate, type AuthenticatedUser, type Json } from './http.js';
import { ksAuthenticator, type KsAuthenticatorOptions } from './ks-authenticator.js';
import { ServiceUpstream, type UpstreamFailure } from './upstream.js';
import type { KsSource } from './user-directory.js';

/** The widgets send small JSON bodies; anything bigger is refused before it is held in memory. */
const MAX_BODY_BYTES = 64 * 1024;
const BODY_FAILURES: Record<BodyFailure, [status: number, message: string]> = {
  'too-large': [413, 'request body too large'],
  timeout: [408, 'the request body did not arrive in time'],
  unreadable: [400, 'the request body could not be read'],
};

/** What every read-only proxy (Game Services, the Events Platform) is configured with. */
export interface ReadProxyOptions<U extends AuthenticatedUser = AuthenticatedUser> {
  /** ADMIN KS (the service requires one), or a function returning a current one. Never sent to browsers. */
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
  fetch?: FetchLike;
  /** Upstream time limit in ms (default 15 000). */
  timeoutMs?: number;
  /** Time limit for reading the browser's request body, in ms (default 10 000). */
  bodyTimeoutMs?: number;
  /** Told about upstream and look-up failures (never given a KS), for the host's logging. */
  onError?: (error: unknown, request: Request) => void;
}

/** A browser body the proxy will not send on; its message names the field. */
export class InvalidRequestError extends Error {}

export function invalidField(field: string, expected: string): InvalidRequestError {
  return new InvalidRequestError(`"${field}" must be ${expected}`);
}

/** An answer the viewer may see, or why there is none. */
export type Shown = { ok: true; data: unknown; retryAfter: string | null } | UpstreamFailure;

/** One read the proxy allows: the signed-in viewer, the browser's JSON body and the request. */
export type ReadAction = (body: Json, viewer: AuthenticatedUser, request: Request) => Promise<Shown>;

/**
 * The plumbing the read-only proxies share: CORS for the listed origins, POST only, the viewer
 * authenticated before anything else, `{controller}/{action}` (the last two path segments) checked
 * against the allow-list, the body read through a size counter and a deadline, and every answer
 * JSON, private and cleaned of the ADMIN KS. What each action sends and shows is its own.
 * `where` names the factory in configuration errors.
 */
export function readProxy(
  where: string,
  options: ReadProxyOptions,
  upstream: ServiceUpstream,
  actions: Readonly<Record<string, ReadAction>>,
): (request: Request) => Promise<Response> {
  const { bodyTimeoutMs = 10_000, onError } = options;
  if (options.adminKs === undefined || options.adminKs === '') throw new TypeError(`${where}: adminKs is required`);
  const authenticate = options.authenticate ?? viewerKsAuthenticator(options.viewerKs, where);
  const origins = readAllowedOrigins(options.allowedOrigins, where);

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
    const read = Object.hasOwn(actions, key) ? actions[key] : undefined;
    if (!read) {
      const shown = key.length > 80 ? `${key.slice(0, 80)}…` : key;
      return answer(403, { code: 'FORBIDDEN_ACTION', message: `action "${shown}" is not allowed through this proxy` });
    }

    // Only now, for a known viewer and action, is the body read.
    const text = await readBodyText(request, MAX_BODY_BYTES, bodyTimeoutMs);
    if ('failure' in text) {
      const [status, message] = BODY_FAILURES[text.failure];
      return answer(status, { code: 'INVALID_REQUEST', message });
    }
    const body = text.text.trim() === '' ? {} : parseJson(text.text);
    if (!isObject(body)) return answer(400, { code: 'INVALID_REQUEST', message: 'body must be a JSON object' });

    let shown: Shown;
    try {
      shown = await read(body, user, request);
    } catch (error) {
      if (error instanceof InvalidRequestError) return answer(400, { code: 'INVALID_REQUEST', message: error.message });
      throw error;
    }
    const retryAfter: Record<string, string> = shown.retryAfter ? { 'Retry-After': shown.retryAfter } : {};
    if (!shown.ok) {
      if (shown.error !== undefined) onError?.(shown.error, request);
      return answer(shown.status, shown.body, retryAfter);
    }
    const json = upstream.redact(JSON.stringify(shown.data));
    return new Response(json, { status: 200, headers: jsonHeaders({ ...cors, ...retryAfter }) });
  };
}

function viewerKsAuthenticator(viewerKs: KsAuthenticatorOptions | undefined, where: string): Authenticate {
  if (!viewerKs) throw new TypeError(`${where}: give viewerKs ({ partnerId, secret }) or an authenticate function`);
  return ksAuthenticator(viewerKs);
}

/** Checks a service base URL option at start-up. */
export function serviceUrlOption(value: unknown, where: string, name: string, example: string): string {
  if (typeof value !== 'string' || !/^https?:\/\//.test(value)) throw new TypeError(`${where}: ${name} must be an http(s) URL, e.g. ${example}`);
  return value;
}
