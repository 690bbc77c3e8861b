import { redact } from './ks.js';

/** Stable error codes: part of the public surface (`kal-error` detail.code). */
export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'invalid-response'
  | 'network'
  | 'timeout'
  | 'server'
  | 'config'
  | 'aborted';

/** Keys into the i18n catalogue for the text a person reads. */
export type ErrorMessageKey =
  | 'error.unauthorized'
  | 'error.forbidden'
  | 'error.notFound'
  | 'error.invalidResponse'
  | 'error.network'
  | 'error.timeout'
  | 'error.server'
  | 'error.rateLimited'
  | 'error.config'
  | 'error.tokenFailed'
  | 'error.tokenUnreachable'
  | 'error.tokenServer'
  | 'error.tokenEndpoint'
  | 'error.tokenTimeout'
  | 'error.tokenInvalid'
  | 'error.adminKs'
  | 'error.noToken'
  | 'error.noGameProxy'
  | 'error.noEventsProxy'
  | 'error.aborted';

/** Each code's own text: `not-found` → `error.notFound`. */
const defaultKey = (code: ErrorCode) => `error.${code.replace(/-(.)/g, (_, letter: string) => letter.toUpperCase())}` as ErrorMessageKey;

const retryableCodes = new Set<ErrorCode>(['network', 'timeout', 'server']);

export interface KalErrorOptions {
  retryable?: boolean;
  messageKey?: ErrorMessageKey;
  status?: number;
  /** Seconds from a Retry-After header. */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * The one error type of the kit. `message` is for developers (English, KS-free);
 * `messageKey` picks the translated text shown to people.
 */
export class KalError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly messageKey: ErrorMessageKey;
  readonly status: number | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, message: string, options: KalErrorOptions = {}) {
    super(redact(message));
    this.name = 'KalError';
    this.code = code;
    this.retryable = options.retryable ?? retryableCodes.has(code);
    this.messageKey = options.messageKey ?? defaultKey(code);
    this.status = options.status;
    this.retryAfter = options.retryAfter;
  }

  /** What `kal-error` carries: nothing more, so no KS can leak through it. */
  toDetail(): KalErrorDetail {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

export interface KalErrorDetail {
  code: ErrorCode;
  message: string;
  retryable: boolean;
}

/** Maps an HTTP status to the kit's error. */
export function errorFromStatus(status: number, what: string, retryAfter?: number): KalError {
  if (status === 401) return new KalError('unauthorized', `${what}: the session was not accepted (401)`, { status });
  if (status === 403) return new KalError('forbidden', `${what}: not allowed for this session (403)`, { status });
  if (status === 404) return new KalError('not-found', `${what}: not found (404)`, { status });
  if (status === 429)
    return new KalError('server', `${what}: too many requests (429)`, {
      status,
      retryable: true,
      retryAfter,
      messageKey: 'error.rateLimited',
    });
  if (status >= 500) return new KalError('server', `${what}: the service failed (${status})`, { status, retryAfter });
  return new KalError('config', `${what}: the request was refused (${status})`, { status });
}

/** Anything thrown becomes a KalError, with a KS-free message. */
export function toKalError(error: unknown): KalError {
  if (error instanceof KalError) return error;
  if (error instanceof DOMException && error.name === 'AbortError')
    return new KalError('aborted', 'the request was cancelled');
  const message = error instanceof Error ? error.message : String(error);
  return new KalError('network', message || 'unexpected failure');
}

export function isAbort(error: unknown): boolean {
  return (
    (error instanceof KalError && error.code === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError')
  );
}
