import { KalError, toKalError } from './errors.js';
import { KS_TYPE_ADMIN, parseKs, rememberSecret } from './ks.js';

export type TokenReason = 'initial' | 'expired' | 'rejected';

/** What the host's token callback is told. Extra keys (e.g. `widget`, `entryId`) scope the KS. */
export interface TokenContext {
  reason: TokenReason;
  partnerId?: number;
  widget?: string;
  entryId?: string;
}

export type TokenResult = string | { ks: string; expiresAt?: string | number | Date };
export type GetKs = (context: TokenContext) => TokenResult | Promise<TokenResult>;

export interface SessionSource {
  partnerId?: number;
  getKs?: GetKs;
  tokenEndpoint?: string;
  /** Scopes a KS to one use (the room widget asks for one carrying its entry id). */
  scope?: { widget: string; entryId?: string };
}

interface Token {
  ks: string;
  expiresAt?: number;
}

/** Ask again this long before a known expiry, so a request never leaves with a dying KS. */
const EXPIRY_MARGIN_MS = 60_000;
const TOKEN_TIMEOUT_MS = 15_000;

/**
 * One cached KS for one set of settings. Every element with the same settings shares it,
 * so ten widgets on a page make one token call.
 */
export class Session {
  #token: Token | undefined;
  #pending: Promise<Token> | undefined;

  readonly #source: SessionSource;
  /** How long the token source may take; `configure({ timeoutMs })` updates it on shared sessions. */
  timeoutMs: number;

  constructor(source: SessionSource, timeoutMs = TOKEN_TIMEOUT_MS) {
    this.#source = source;
    this.timeoutMs = timeoutMs;
  }

  /** A KS fit for use now: the cached one, or a new one when none or near its expiry. */
  ks(signal?: AbortSignal): Promise<string> {
    const token = this.#token;
    if (token && !isExpiring(token)) return Promise.resolve(token.ks);
    return this.#fetch(token ? 'expired' : 'initial', signal);
  }

  /** The service refused `rejectedKs` (401): ask the host once more, unless someone already did. */
  rejected(rejectedKs: string, signal?: AbortSignal): Promise<string> {
    if (this.#token && this.#token.ks !== rejectedKs) return Promise.resolve(this.#token.ks);
    this.#token = undefined;
    return this.#fetch('rejected', signal);
  }

  /**
   * Who is asking, without the KS: partner, KS source and scope. Tabs of one origin share cookies,
   * so the same source there means the same signed-in person.
   */
  get identity(): string {
    const { partnerId, tokenEndpoint, getKs, scope } = this.#source;
    return JSON.stringify([partnerId ?? null, tokenEndpoint ?? (getKs ? 'callback' : null), scope ?? null]);
  }

  /** Forgets the cached KS (a fresh one is asked for on next use). */
  forget(): void {
    this.#token = undefined;
  }

  #fetch(reason: TokenReason, signal?: AbortSignal): Promise<string> {
    if (!this.#pending) {
      this.#pending = this.#callSource(reason).then(
        (token) => {
          this.#pending = undefined;
          this.#token = token;
          return token;
        },
        (error: unknown) => {
          this.#pending = undefined;
          throw error;
        },
      );
    }
    return withAbort(
      this.#pending.then((token) => token.ks),
      signal,
    );
  }

  async #callSource(reason: TokenReason): Promise<Token> {
    const { getKs, tokenEndpoint, partnerId, scope } = this.#source;
    const context: TokenContext = { reason, ...(partnerId ? { partnerId } : {}), ...scope };
    // resolveApi() makes no session without one of the two (a `config` error with `error.noToken`).
    const result = await withTimeout(getKs ? callHost(getKs, context) : fetchTokenEndpoint(tokenEndpoint!, context), this.timeoutMs);
    return checkToken(result, partnerId);
  }
}

async function callHost(getKs: GetKs, context: TokenContext): Promise<unknown> {
  try {
    return await getKs(context);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new KalError('unauthorized', `the getKs callback failed: ${detail}`, {
      messageKey: 'error.tokenFailed',
      retryable: true,
    });
  }
}

async function fetchTokenEndpoint(endpoint: string, context: TokenContext): Promise<unknown> {
  // Relative to the document's base URL, as fetch() resolves it: a srcdoc or about:blank frame's
  // location.href is no base at all.
  const url = new URL(endpoint, globalThis.document?.baseURI ?? globalThis.location?.href);
  for (const name of ['reason', 'widget', 'entryId'] as const) if (context[name]) url.searchParams.set(name, context[name]);
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'include',
      headers: { Accept: 'application/json, text/plain' },
      cache: 'no-store',
    });
  } catch {
    // Offline, or (for an endpoint on another origin) a CORS refusal: the browser does not say which.
    throw new KalError('network', `token-endpoint ${endpoint} could not be reached (offline, or another origin that does not allow this page: CORS)`, {
      messageKey: 'error.tokenUnreachable',
    });
  }
  if (response.status === 401 || response.status === 403) {
    // The host's sign-in says nobody (or not this person): signing in again is what helps.
    throw new KalError('unauthorized', `the token endpoint answered ${response.status}`, {
      status: response.status,
      messageKey: 'error.tokenFailed',
      retryable: response.status === 401,
    });
  }
  if (response.status >= 500) {
    throw new KalError('server', `token-endpoint ${endpoint} answered ${response.status}`, { status: response.status, messageKey: 'error.tokenServer' });
  }
  if (!response.ok || /html/i.test(response.headers.get('Content-Type') ?? '')) {
    // A wrong URL (404), or a page where an endpoint should be: the page's set-up, not the person's sign-in.
    const answer = response.ok ? 'a web page (text/html), not a KS' : String(response.status);
    throw new KalError('config', `token-endpoint ${endpoint} answered ${answer}: check the URL of your token endpoint`, {
      status: response.status,
      messageKey: 'error.tokenEndpoint',
    });
  }
  return readTokenText(await response.text());
}

/**
 * A token as text: the KS itself (quotes tolerated), or `{ ks, expiresAt }` as JSON. A `getKs` that
 * returns a JSON endpoint's `.text()` is read the same way, rather than sending the JSON as the KS.
 */
function readTokenText(text: string): unknown {
  const body = text.trim();
  if (body.startsWith('{')) {
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return undefined;
    }
  }
  return body.replace(/^"|"$/g, '');
}

/** Accepts a KS string or `{ ks, expiresAt }`; refuses anything else, and any readable ADMIN KS. */
function checkToken(answer: unknown, partnerId: number | undefined): Token {
  const result = typeof answer === 'string' ? readTokenText(answer) : answer;
  const ks = typeof result === 'string' ? result.trim() : isRecord(result) && typeof result.ks === 'string' ? result.ks.trim() : '';
  if (!ks || /\s/.test(ks)) {
    throw new KalError('config', 'the token source did not return a KS (expected a string or { ks, expiresAt })', {
      messageKey: 'error.tokenInvalid',
    });
  }
  rememberSecret(ks);
  const info = parseKs(ks);
  if (info?.type === KS_TYPE_ADMIN) {
    throw new KalError(
      'config',
      'refused an ADMIN KS: a browser may only hold a USER KS (mint one on your server: kaltura-widgets/server)',
      { messageKey: 'error.adminKs' },
    );
  }
  if (info && partnerId && info.partnerId !== partnerId) {
    throw new KalError('config', `the KS is for partner ${info.partnerId}, but the widget is set to partner ${partnerId}`);
  }
  const declared = isRecord(result) ? toEpochMs(result.expiresAt) : undefined;
  const expiresAt = declared ?? info?.expiresAt?.getTime();
  return expiresAt === undefined ? { ks } : { ks, expiresAt };
}

function toEpochMs(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  // Numbers below 1e12 are Unix seconds (as in a KS), above are milliseconds.
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string' && value) {
    const parsed = /^\d+$/.test(value) ? toEpochMs(Number(value)) : Date.parse(value);
    return parsed !== undefined && Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

function isExpiring(token: Token): boolean {
  return token.expiresAt !== undefined && Date.now() > token.expiresAt - EXPIRY_MARGIN_MS;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new KalError('timeout', `the token source did not answer within ${ms / 1000} s`, { messageKey: 'error.tokenTimeout' })),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(toKalError(error));
      },
    );
  });
}

/** Lets one caller stop waiting on a shared promise without cancelling it for the others. */
export function withAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new KalError('aborted', 'the request was cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new KalError('aborted', 'the request was cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

const byCallback = new WeakMap<GetKs, Map<string, Session>>();
const byEndpoint = new Map<string, Session>();

/** The shared session for these settings: same callback (or endpoint), partner and scope → same session. */
export function sessionFor(source: SessionSource, timeoutMs?: number): Session {
  const key = JSON.stringify([source.partnerId ?? null, source.scope ?? null]);
  if (source.getKs) {
    let sessions = byCallback.get(source.getKs);
    if (!sessions) byCallback.set(source.getKs, (sessions = new Map()));
    return getOrCreate(sessions, key, source, timeoutMs);
  }
  return getOrCreate(byEndpoint, `${source.tokenEndpoint ?? ''} ${key}`, source, timeoutMs);
}

function getOrCreate(map: Map<string, Session>, key: string, source: SessionSource, timeoutMs?: number): Session {
  let session = map.get(key);
  if (!session) map.set(key, (session = new Session(source, timeoutMs)));
  // A timeout set by configure() after the session was made applies to its next token call.
  else session.timeoutMs = timeoutMs ?? TOKEN_TIMEOUT_MS;
  return session;
}
