/**
 * Errors thrown by the server companion. Messages are for developers and logs: they never
 * contain a KS, a secret or a token hash (see `redactSecrets`).
 */

/** A Kaltura API v3 exception (`objectType: 'KalturaAPIException'`) or a failed API v3 call. */
export class KalturaApiError extends Error {
  /** Kaltura's code (e.g. `INVALID_KS`, `APP_TOKEN_ID_NOT_FOUND`), or `HTTP_ERROR`, `INVALID_RESPONSE`, `NETWORK_ERROR`. */
  readonly code: string;
  /** HTTP status when the call failed at the HTTP level. */
  readonly status: number | undefined;

  constructor(code: string, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KalturaApiError';
    this.code = code;
    this.status = options.status;
  }
}

/** Codes of `RoomError`: the guide's three, plus what can go wrong around them. */
export type RoomErrorCode =
  | 'invalidConfiguration'
  | 'invalidRequest'
  | 'internalError'
  | 'unknownError'
  | 'httpError'
  | 'invalidResponse'
  | 'networkError';

/** A failed KAF `create-room` call. */
export class RoomError extends Error {
  readonly code: RoomErrorCode;
  /** The KAF `errorCode` as sent (useful when it is one the guide does not list). */
  readonly kafErrorCode: string | undefined;
  readonly status: number | undefined;

  constructor(
    code: RoomErrorCode,
    message: string,
    options: { kafErrorCode?: string; status?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RoomError';
    this.code = code;
    this.kafErrorCode = options.kafErrorCode;
    this.status = options.status;
  }
}

/**
 * Removes the given secrets from text that came back from a service: Kaltura echoes the KS in
 * some messages (e.g. `INVALID_KS: Invalid KS "djJ8..."`).
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  // Anything else that looks like a KS (long base64 runs, a raw `v2|partner|...`).
  return out.replace(/[A-Za-z0-9+/_-]{40,}={0,2}|v2\|\d+\|\S+/g, '[redacted]');
}
