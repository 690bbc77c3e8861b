import type { FetchLike } from './api-v3.js';
import { isObject, parseJson } from './http.js';
import { resolveKs, type KsSource } from './user-directory.js';

/** What the browser is told when the service did not give a usable answer. */
export interface UpstreamFailure {
  ok: false;
  status: number;
  body: { code: string; message: string };
  retryAfter: string | null;
  /** For the host's `onError`; never holds a KS. */
  error?: unknown;
}

export type UpstreamResult = { ok: true; data: unknown; retryAfter: string | null } | UpstreamFailure;

/** An upstream `code` shown to the browser only when it is a plain code, never free text. */
const SAFE_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** The ADMIN KS values most recently sent: a relayed answer is cleaned of each. */
const REMEMBERED_KS = 4;

/**
 * Calls to one JSON service (Game Services, the Events Platform) with the server's ADMIN KS. Error
 * bodies are never passed on (a service may echo the KS in them): a failure becomes
 * `{ code, message }` with the proxy's own message, naming the service by `label`.
 */
export class ServiceUpstream {
  readonly #label: string;
  readonly #baseUrl: string;
  readonly #adminKs: KsSource;
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;
  readonly #sent: string[] = [];

  constructor(label: string, baseUrl: string, adminKs: KsSource, fetchImpl: FetchLike | undefined, timeoutMs: number) {
    this.#label = label;
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#adminKs = adminKs;
    this.#fetch = fetchImpl ?? fetch;
    this.#timeoutMs = timeoutMs;
  }

  /** JSON text for the browser: whatever a service echoes, the ADMIN KS never reaches it. */
  redact(text: string): string {
    return this.#sent.reduce((clean, ks) => clean.split(ks).join('[redacted]'), text);
  }

  async call(action: string, body: unknown, signal: AbortSignal): Promise<UpstreamResult> {
    const label = this.#label;
    let adminKs: string;
    try {
      adminKs = await resolveKs(this.#adminKs);
    } catch (error) {
      return failure(502, 'UPSTREAM_UNAUTHORIZED', `the server has no ${label} session`, null, error);
    }
    if (!this.#sent.includes(adminKs) && this.#sent.push(adminKs) > REMEMBERED_KS) this.#sent.shift();
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(`${this.#baseUrl}/${action}`, {
        method: 'POST',
        // Built from scratch: the browser's own Authorization (a USER KS, if any) is never forwarded.
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${adminKs}` },
        body: JSON.stringify(body),
        // A redirect is not part of the API; the ADMIN KS goes to the service's base URL and nowhere else.
        redirect: 'error',
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.#timeoutMs)]),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return timedOut
        ? failure(504, 'UPSTREAM_TIMEOUT', `${label} did not answer in time`, null, error)
        : failure(502, 'UPSTREAM_UNAVAILABLE', `${label} could not be reached`, null, error);
    }
    const retryAfter = response.headers.get('retry-after');
    // A 401 means the server's ADMIN KS was refused, not the browser's session: a 401 to the
    // browser would only make it fetch new tokens that cannot help.
    if (response.status === 401) {
      const error = new Error(`${label} refused the proxy's admin KS (${action})`);
      return failure(502, 'UPSTREAM_UNAUTHORIZED', `the server could not authenticate to ${label}`, retryAfter, error);
    }
    const data = parseJson(text);
    if (!response.ok) {
      const code = isObject(data) && typeof data.code === 'string' && SAFE_CODE.test(data.code) ? data.code : 'UPSTREAM_ERROR';
      return failure(response.status, code, `${label} answered HTTP ${response.status}`, retryAfter);
    }
    // Only JSON is relayed, always labelled as JSON: nothing upstream can render as a page on the host's origin.
    if (data === undefined) return failure(502, 'UPSTREAM_INVALID_RESPONSE', `${label} answered without JSON`, retryAfter);
    return { ok: true, data, retryAfter };
  }
}

export function failure(status: number, code: string, message: string, retryAfter: string | null = null, error?: unknown): UpstreamFailure {
  return { ok: false, status, body: { code, message }, retryAfter, ...(error === undefined ? {} : { error }) };
}
