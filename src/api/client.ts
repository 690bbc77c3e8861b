import { KalError, errorFromStatus, toKalError } from './errors.js';
import { isKalturaHost } from './regions.js';
import { type Session, withAbort } from './session.js';
import type { ZodMiniType } from 'zod/mini';

/** The guides' backoff for transient failures: 1 s, 2 s, 4 s with jitter, at most 3 retries. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];
const DEFAULT_TIMEOUT_MS = 15_000;
/** A Retry-After longer than this is treated as "give up now" rather than a frozen widget. */
const MAX_RETRY_AFTER_MS = 60_000;

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Delays before each retry of a transient failure; its length is the retry count. */
  retryDelaysMs?: readonly number[];
  /**
   * Live refreshes: reuse an answer another tab (or this one) got within this many milliseconds
   * instead of asking the service again.
   */
  shareAcrossTabsMs?: number;
}

export interface PostJsonRequest<T> extends CallOptions {
  session: Session;
  url: string;
  body: unknown;
  /** Validates the answer (a zod/mini schema from src/api/schema.ts). */
  schema: ZodMiniType<T>;
  /** Identical reads in flight share one request. Never set it for writes. */
  dedupe?: boolean;
}

/** POSTs JSON with `Authorization: Bearer <KS>`, retrying as the guides say, and validates the answer. */
export function postJson<T>(request: PostJsonRequest<T>): Promise<T> {
  if (!request.dedupe) return send(request, request.signal);
  return shared(request);
}

interface SharedRequest {
  promise: Promise<unknown>;
  controller: AbortController;
  users: number;
}

const inFlight = new WeakMap<Session, Map<string, SharedRequest>>();

function shared<T>(request: PostJsonRequest<T>): Promise<T> {
  let requests = inFlight.get(request.session);
  if (!requests) inFlight.set(request.session, (requests = new Map()));
  const key = `${request.url}\n${JSON.stringify(request.body)}`;
  let entry = requests.get(key);
  // A request whose callers all left is aborted but not yet removed: never hand it to a new caller.
  if (!entry || entry.controller.signal.aborted) {
    const controller = new AbortController();
    const created: SharedRequest = { promise: send(request, controller.signal), controller, users: 0 };
    // Only this request's own entry is removed when it settles (a newer one may have replaced it).
    created.promise.then(
      () => requests.get(key) === created && requests.delete(key),
      () => requests.get(key) === created && requests.delete(key),
    );
    entry = created;
    requests.set(key, entry);
  }
  const current = entry;
  current.users++;
  // The shared request is cancelled only when every caller has gone.
  const onAbort = () => {
    if (--current.users === 0) current.controller.abort();
  };
  request.signal?.addEventListener('abort', onAbort, { once: true });
  return withAbort(current.promise as Promise<T>, request.signal).finally(() =>
    request.signal?.removeEventListener('abort', onAbort),
  );
}

async function send<T>(request: PostJsonRequest<T>, signal: AbortSignal | undefined): Promise<T> {
  const what = describe(request.url);
  const shareKey = request.shareAcrossTabsMs ? `${request.session.identity}\n${request.url}\n${JSON.stringify(request.body)}` : undefined;
  // Only live refreshes share, and the live timer has loaded tab-share.js already: no round trip here.
  const tabs = shareKey ? await import('./tab-share.js') : undefined;
  if (tabs && shareKey) {
    const shared = tabs.recentAnswer(shareKey, request.shareAcrossTabsMs ?? 0);
    if (shared !== undefined) return validate(shared, request.schema, what);
  }
  const json = await fetchJson(request, signal, what);
  if (tabs && shareKey) tabs.publishAnswer(shareKey, json);
  return validate(json, request.schema, what);
}

async function fetchJson(request: PostJsonRequest<unknown>, signal: AbortSignal | undefined, what: string): Promise<unknown> {
  const delays = request.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  let ks = await request.session.ks(signal);
  let refreshed = false;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await attemptOnce(request, ks, signal, what);
      return await readJson(response, what);
    } catch (caught) {
      const error = toKalError(caught);
      if (error.code === 'aborted') throw error;
      if (error.code === 'unauthorized' && !refreshed) {
        refreshed = true;
        ks = await request.session.rejected(ks, signal);
        attempt--;
        continue;
      }
      if (!error.retryable || attempt >= delays.length) throw error;
      // The service asks for more patience than a widget on screen can show: say so now (the person
      // may retry later) rather than knocking again before the time it gave.
      if (error.retryAfter !== undefined && error.retryAfter * 1000 > MAX_RETRY_AFTER_MS) throw error;
      await sleep(retryDelay(error, delays[attempt] ?? 0), signal);
    }
  }
}

async function attemptOnce(request: PostJsonRequest<unknown>, ks: string, signal: AbortSignal | undefined, what: string): Promise<Response> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${ks}` },
      body: JSON.stringify(request.body ?? {}),
      signal: controller.signal,
      // A host's own proxy may sign people in with its cookies (same origin only); Kaltura's hosts never get them.
      credentials: isKalturaHost(request.url) ? 'omit' : 'same-origin',
      referrerPolicy: 'no-referrer',
    });
    if (!response.ok) {
      // Drain so the connection can be reused; the body is not shown to anyone.
      await response.text().catch(() => '');
      throw errorFromStatus(response.status, what, retryAfterSeconds(response.headers.get('Retry-After')));
    }
    return response;
  } catch (error) {
    if (error instanceof KalError) throw error;
    if (signal?.aborted) throw new KalError('aborted', `${what}: cancelled`);
    if (timedOut) throw new KalError('timeout', `${what}: no answer within ${timeoutMs / 1000} s`);
    throw new KalError('network', `${what}: the service could not be reached`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

async function readJson(response: Response, what: string): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    throw new KalError('invalid-response', `${what}: the answer is not JSON`);
  }
}

function validate<T>(json: unknown, schema: ZodMiniType<T>, what: string): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  // The first problem, with its path, is what a developer needs (the rest usually follow from it).
  const issue = result.error.issues[0]!;
  const expected = 'expected' in issue ? `expected ${String(issue.expected)}` : issue.message;
  throw new KalError('invalid-response', `${what}: unexpected answer at ${['body', ...issue.path.map(String)].join('.')}: ${expected}`);
}

function retryDelay(error: KalError, base: number): number {
  if (error.retryAfter !== undefined) return error.retryAfter * 1000;
  // Jitter spreads thousands of viewers' retries over time instead of one instant.
  return base * (0.75 + Math.random() * 0.5);
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, (date - Date.now()) / 1000) : undefined;
}

function describe(url: string): string {
  // "userScore/list" reads better in a message than the whole URL.
  return url.split('/').slice(-2).join('/');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new KalError('aborted', 'the request was cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
