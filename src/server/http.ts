/** Small helpers shared by the request handlers. */

/** The host's sign-in check: who is asking, or null/undefined when nobody is signed in. */
export type Authenticate<U extends AuthenticatedUser = AuthenticatedUser> = (
  request: Request,
) => U | null | undefined | Promise<U | null | undefined>;

export interface AuthenticatedUser {
  /** The Kaltura user id for this person. */
  userId: string;
}

/** Responses that carry a KS or a user's own data must never land in a shared cache. */
const PRIVATE_NO_STORE = 'no-store, private';

export function jsonHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': PRIVATE_NO_STORE,
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: jsonHeaders(headers) });
}

/** Runs the host's hook; a user without a usable `userId` counts as nobody. */
export async function currentUser<U extends AuthenticatedUser>(authenticate: Authenticate<U>, request: Request): Promise<U | null> {
  const user = await authenticate(request);
  return user && typeof user.userId === 'string' && user.userId.trim() !== '' ? user : null;
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed JSON, or undefined for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
