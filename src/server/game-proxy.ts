import type { FetchLike } from './api-v3.js';
import { currentUser, jsonResponse, type Authenticate, type AuthenticatedUser } from './http.js';
import { UserDirectory, resolveKs, type KsSource, type UserDirectoryOptions } from './user-directory.js';

/** The read actions the widgets use; nothing else goes through the proxy. */
export const GAME_PROXY_ACTIONS = [
  'leaderboard/get',
  'userScore/list',
  'userScore/get',
  'badge/list',
  'badge/get',
  'userBadge/list',
] as const;
export type GameProxyAction = (typeof GAME_PROXY_ACTIONS)[number];

/** Reads that are about one user: the proxy answers them for the signed-in user only. */
const PER_USER_ACTIONS: ReadonlySet<string> = new Set<GameProxyAction>(['userScore/get', 'userBadge/list']);
const NAMED_ACTIONS: ReadonlySet<string> = new Set<GameProxyAction>(['userScore/list', 'userScore/get']);
const ALLOWED: ReadonlySet<string> = new Set(GAME_PROXY_ACTIONS);
const MAX_BODY_BYTES = 64 * 1024;

export interface GameProxyOptions<U extends AuthenticatedUser = AuthenticatedUser> {
  /** Game Services base, e.g. `https://scm.nvp1.ovp.kaltura.com/api/v1`. */
  gameUrl: string;
  /** ADMIN KS (the guide requires one for SCM), or a function returning a current one. Never sent to browsers. */
  adminKs: KsSource;
  /** The host's sign-in check; null means 401. */
  authenticate: Authenticate<U>;
  /** Adds `fullName` to score rows from API v3 `user.list`. */
  userDirectory?: UserDirectoryOptions;
  fetch?: FetchLike;
  /** Upstream time limit in ms (default 15 000). */
  timeoutMs?: number;
  /** Told about upstream and user.list failures (never given a KS), for the host's logging. */
  onError?: (error: unknown, request: Request) => void;
}

type Json = Record<string, unknown>;

/**
 * A read-only, allow-listed Game Services proxy. Mount it under a path (e.g. `/api/game/`): the
 * last two path segments are `{controller}/{action}`. The browser never sees the ADMIN KS, can
 * only call the read actions above, and can only read its own per-user data.
 */
export function createGameProxy<U extends AuthenticatedUser = AuthenticatedUser>(
  options: GameProxyOptions<U>,
): (request: Request) => Promise<Response> {
  const { adminKs, authenticate, userDirectory, timeoutMs = 15_000, onError } = options;
  if (typeof options.gameUrl !== 'string' || !/^https?:\/\//.test(options.gameUrl)) {
    throw new TypeError('createGameProxy: gameUrl must be an http(s) URL, e.g. https://scm.nvp1.ovp.kaltura.com/api/v1');
  }
  if (typeof authenticate !== 'function') throw new TypeError('createGameProxy: authenticate must be a function');
  if (adminKs === undefined || adminKs === '') throw new TypeError('createGameProxy: adminKs is required');
  const gameUrl = options.gameUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const directory = userDirectory ? new UserDirectory(userDirectory, adminKs, options.fetch) : undefined;

  return async (request) => {
    if (request.method !== 'POST') {
      return jsonResponse(405, { code: 'METHOD_NOT_ALLOWED', message: 'use POST' }, { Allow: 'POST' });
    }
    // Same-origin widgets only; reads cannot be changed cross-site, but there is no reason to answer.
    if (request.headers.get('sec-fetch-site') === 'cross-site') {
      return jsonResponse(403, { code: 'FORBIDDEN', message: 'cross-site requests are not allowed' });
    }
    const user = await currentUser(authenticate, request);
    if (!user) return jsonResponse(401, { code: 'UNAUTHORIZED', message: 'not signed in' });

    const [controller = '', action = ''] = new URL(request.url).pathname.split('/').filter(Boolean).slice(-2);
    const key = `${controller}/${action}`;
    if (!ALLOWED.has(key)) {
      const shown = key.length > 80 ? `${key.slice(0, 80)}…` : key;
      return jsonResponse(403, { code: 'FORBIDDEN_ACTION', message: `action "${shown}" is not allowed through this proxy` });
    }

    const body = await readJsonObject(request);
    if (body === 'too-large') return jsonResponse(413, { code: 'INVALID_REQUEST', message: 'request body too large' });
    if (!body) return jsonResponse(400, { code: 'INVALID_REQUEST', message: 'body must be a JSON object' });
    if (PER_USER_ACTIONS.has(key)) forceUser(body, user.userId, key === 'userBadge/list');

    let ks: string;
    try {
      ks = await resolveKs(adminKs);
    } catch (error) {
      onError?.(error, request);
      return jsonResponse(502, { code: 'UPSTREAM_UNAUTHORIZED', message: 'the server has no Game Services session' });
    }
    let upstream: Response;
    let text: string;
    try {
      upstream = await doFetch(`${gameUrl}/${key}`, {
        method: 'POST',
        // Built from scratch: the browser's own Authorization (a USER KS, if any) is never forwarded.
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${ks}` },
        body: JSON.stringify(body),
        signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]),
      });
      text = await upstream.text();
    } catch (error) {
      onError?.(error, request);
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return jsonResponse(timedOut ? 504 : 502, {
        code: timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE',
        message: timedOut ? 'Game Services did not answer in time' : 'Game Services could not be reached',
      });
    }

    // A 401 here means the server's ADMIN KS was refused, not the browser's session: telling the
    // browser 401 would only make it fetch new tokens that cannot help.
    if (upstream.status === 401) {
      onError?.(new Error(`Game Services refused the proxy's admin KS (${key})`), request);
      return jsonResponse(502, { code: 'UPSTREAM_UNAUTHORIZED', message: 'the server could not authenticate to Game Services' });
    }
    const retryAfter = upstream.headers.get('retry-after');
    const headers: Record<string, string> = retryAfter ? { 'Retry-After': retryAfter } : {};
    const data = parseJson(text);
    // Only JSON is relayed, always labelled as JSON: nothing upstream can render as a page on the host's origin.
    if (data === undefined) {
      return jsonResponse(
        upstream.ok ? 502 : upstream.status,
        { code: 'UPSTREAM_INVALID_RESPONSE', message: `Game Services answered HTTP ${upstream.status} without JSON` },
        headers,
      );
    }
    if (upstream.ok && isObject(data)) {
      if (key === 'userBadge/list') ownRowsOnly(data, user.userId);
      // Sub-leaderboard rows are segments (a country, a company), not users: nothing to name.
      else if (directory && NAMED_ACTIONS.has(key) && body.subLeaderboardId == null) {
        await addNames(data, directory, (error) => onError?.(error, request));
      }
    }
    return jsonResponse(upstream.status, data, headers);
  };
}

async function readJsonObject(request: Request): Promise<Json | undefined | 'too-large'> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return 'too-large';
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return 'too-large';
  if (text.trim() === '') return {};
  const value = parseJson(text);
  return isObject(value) ? value : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whatever user the browser asked about, the answer is about the signed-in user. */
function forceUser(body: Json, userId: string, alwaysFilter: boolean): void {
  body.userId = userId;
  if (!alwaysFilter && !isObject(body.filter)) return;
  const filter = isObject(body.filter) ? body.filter : {};
  // Drop any other user selector (`userIdIn`, …) so it cannot widen the query.
  for (const name of Object.keys(filter)) if (name.startsWith('userId')) delete filter[name];
  body.filter = { ...filter, userIdEqual: userId };
}

/** Belt and braces: should Game Services ignore the user filter, other users' rows still stay out. */
function ownRowsOnly(data: Json, userId: string): void {
  if (!Array.isArray(data.objects)) return;
  const own = data.objects.filter((row) => !isObject(row) || row.userId === undefined || row.userId === userId);
  if (own.length === data.objects.length) return;
  data.objects = own;
  if (typeof data.totalCount === 'number') data.totalCount = own.length;
}

/** Adds `fullName` to score rows that have none; a failing lookup leaves the rows as they are. */
async function addNames(data: Json, directory: UserDirectory, report: (error: unknown) => void): Promise<void> {
  const rows = (Array.isArray(data.objects) ? data.objects : [data]).filter(isObject);
  const idOf = (row: Json): string | undefined => {
    const id = typeof row.puserId === 'string' ? row.puserId : row.userId;
    return typeof id === 'string' && id !== '' ? id : undefined;
  };
  const unnamed = rows.filter((row) => !(typeof row.fullName === 'string' && row.fullName !== '') && idOf(row));
  if (unnamed.length === 0) return;
  try {
    const names = await directory.names(unnamed.map((row) => idOf(row) as string));
    for (const row of unnamed) {
      const name = names.get(idOf(row) as string);
      if (name) row.fullName = name;
    }
  } catch (error) {
    report(error);
  }
}
