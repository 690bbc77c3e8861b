import { isEntryId } from '../api/entry-id.js';
import { allowedOriginOf, isForeignCrossSite, readAllowedOrigins } from './cors.js';
import { KalturaApiError } from './errors.js';
import { currentUser, jsonHeaders, jsonResponse, type Authenticate, type AuthenticatedUser } from './http.js';
import { KS_TYPE_USER, checkPartnerId, mintKs, readableKsType, verifyKs, type MintedKs } from './ks.js';

/** What the widget may say about why it wants a KS (`?entryId=`, `?widget=`), already validated. */
export interface TokenRequestHints {
  /** A Kaltura entry id (`1_abcd1234`, the rule `<kal-room-embed>` uses), or undefined when absent. */
  entryId: string | undefined;
  /** The widget asking (e.g. `room-embed`), or undefined. */
  widget: string | undefined;
}

export interface MintContext extends TokenRequestHints {
  request: Request;
  /** The privileges this user gets (already resolved from the `privileges` option). */
  privileges: string;
  /** Seconds, from the `expiresIn` option (undefined: the minter's default). */
  expiresIn: number | undefined;
}

export interface MintResult {
  ks: string;
  expiresAt: string | Date;
  /**
   * Session type (AppToken sessions give it), read as a number: only 0 (USER) is served. Without
   * it the handler reads the type from the KS itself (v1, or v2 when it mints with the secret),
   * and refuses a KS it cannot read.
   */
  type?: number | string;
}

export type MintFunction<U extends AuthenticatedUser> = (user: U, context: MintContext) => Promise<MintResult> | MintResult;

/** Mint locally with the partner secret (`mintKs`); always a USER KS. */
export interface SecretMintConfig {
  partnerId: number | string;
  secret: string;
  format?: 'v1' | 'v2';
}

export type PrivilegesOption<U extends AuthenticatedUser> =
  | string
  | ((user: U, request: Request, hints: TokenRequestHints) => string | Promise<string>);

export interface TokenHandlerOptions<U extends AuthenticatedUser = AuthenticatedUser> {
  /** The host's sign-in check (cookie session, etc.). */
  authenticate: Authenticate<U>;
  /** `{ partnerId, secret }` to mint locally, or a function (e.g. one calling `startAppTokenSession`). */
  mint: SecretMintConfig | MintFunction<U>;
  /** Privileges for the user's KS, e.g. `(user, req, { entryId }) => entryId ? `entryId:${entryId}` : ''`. */
  privileges?: PrivilegesOption<U>;
  /** KS lifetime in seconds (default 3600, at most 24 h when minting locally). */
  expiresIn?: number;
  /** Origins of pages on other sites that may call the endpoint with the user's cookies (CORS with credentials). */
  allowedOrigins?: string[];
  /** Told about failures (never given a KS); for the host's own logging. */
  onError?: (error: unknown, request: Request) => void;
}

const WIDGET = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * The handler behind the widgets' `token-endpoint`: a signed-in user gets a short-lived USER KS
 * as `{ ks, expiresAt }`; nobody else gets anything. Mount it with `toNodeHandler` or call it from
 * any framework that speaks web `Request`/`Response`.
 */
export function createTokenHandler<U extends AuthenticatedUser = AuthenticatedUser>(
  options: TokenHandlerOptions<U>,
): (request: Request) => Promise<Response> {
  const { authenticate, mint, privileges = '', expiresIn, onError } = options;
  if (typeof authenticate !== 'function') throw new TypeError('createTokenHandler: authenticate must be a function');
  const mintFor = toMintFunction(mint);
  // Holding the secret, the handler can read the type of a v2 KS it minted.
  const secret = typeof mint === 'function' ? undefined : mint.secret;
  const origins = readAllowedOrigins(options.allowedOrigins, 'createTokenHandler');

  return async (request) => {
    const origin = allowedOriginOf(request, origins);
    // Every answer varies with the credentials and the origin; listed origins may read it with cookies.
    const headers = {
      Vary: origins.size > 0 ? 'Cookie, Authorization, Origin' : 'Cookie, Authorization',
      ...(origin ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' } : {}),
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return jsonResponse(405, { error: 'method not allowed' }, { ...headers, Allow: 'GET, HEAD' });
    }
    // The endpoint is for the host's own pages and the origins it lists; any other cross-site request riding on cookies is refused.
    if (isForeignCrossSite(request, origin)) {
      return jsonResponse(403, { error: 'cross-site requests are not allowed' }, headers);
    }
    try {
      const user = await currentUser(authenticate, request);
      if (!user) return jsonResponse(401, { error: 'not signed in' }, headers);
      const hints = readHints(request);
      // A room widget with an id the server will not put in a privilege gets no KS, not one without the room.
      if (!hints) return jsonResponse(400, { error: 'invalid entryId' }, headers);
      // HEAD answers "would I get a KS?" without minting one.
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers: jsonHeaders(headers) });

      const userPrivileges = typeof privileges === 'function' ? await privileges(user, request, hints) : privileges;
      const result = await mintFor(user, { ...hints, request, privileges: userPrivileges, expiresIn });
      const body = checkResult(result, secret);
      return jsonResponse(200, body, headers);
    } catch (error) {
      onError?.(error, request);
      const upstream = error instanceof KalturaApiError;
      return jsonResponse(upstream ? 502 : 500, { error: 'could not issue a Kaltura session' }, headers);
    }
  };
}

function toMintFunction<U extends AuthenticatedUser>(mint: SecretMintConfig | MintFunction<U>): MintFunction<U> {
  if (typeof mint === 'function') return mint;
  if (!mint || typeof mint !== 'object' || typeof mint.secret !== 'string') {
    throw new TypeError('createTokenHandler: mint must be { partnerId, secret } or a function');
  }
  const { secret, format } = mint;
  // A wrong partner id is a deployment mistake: report it at start-up, not on the first request.
  const partnerId = checkPartnerId(mint.partnerId, 'createTokenHandler');
  // Browsers only ever get a USER KS, whatever else is configured.
  return (user, context) =>
    mintKs({ partnerId, secret, format, userId: user.userId, type: KS_TYPE_USER, privileges: context.privileges, expiresIn: context.expiresIn });
}

/** The hints, or undefined for an entryId the room element would not send. */
function readHints(request: Request): TokenRequestHints | undefined {
  const query = new URL(request.url).searchParams;
  const entryId = query.get('entryId') ?? undefined;
  const widget = query.get('widget') ?? undefined;
  // Validated here so a host that pastes them into a privilege string cannot be fed `,setrole:...`.
  if (entryId !== undefined && !isEntryId(entryId)) return undefined;
  return { entryId, widget: widget !== undefined && WIDGET.test(widget) ? widget : undefined };
}

function checkResult(result: MintResult, secret: string | undefined): MintedKs {
  if (!result || typeof result.ks !== 'string' || result.ks === '') throw new Error('mint returned no KS');
  // Both what the minter says and what the KS says must be USER: "2", 2.0 and " 2" are all ADMIN.
  const declared = result.type == null ? undefined : numericType(result.type);
  const read = readableKsType(result.ks) ?? (secret === undefined ? undefined : verifyKs(result.ks, secret)?.type);
  if (declared === undefined && read === undefined) {
    throw new Error('mint must say type: 0 (USER): the KS it returned cannot be read here');
  }
  for (const type of [declared, read]) {
    if (type !== undefined && type !== KS_TYPE_USER) {
      throw new Error(`mint returned a KS of type ${type}; browsers may only receive a USER KS (type 0)`);
    }
  }
  const expiresAt = new Date(result.expiresAt);
  if (Number.isNaN(expiresAt.getTime())) throw new Error('mint returned an invalid expiresAt');
  return { ks: result.ks, expiresAt: expiresAt.toISOString() };
}

/** A type given as a number or a numeric string; anything else is NaN, which is never USER. */
function numericType(type: unknown): number {
  return typeof type === 'number' || (typeof type === 'string' && type.trim() !== '') ? Number(type) : Number.NaN;
}
