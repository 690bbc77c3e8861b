import { KalturaApiError } from './errors.js';
import { currentUser, jsonHeaders, jsonResponse, type Authenticate, type AuthenticatedUser } from './http.js';
import { KS_TYPE_ADMIN, KS_TYPE_USER, checkPartnerId, mintKs, readableKsType, type MintedKs } from './ks.js';

/** What the widget may say about why it wants a KS (`?entryId=`, `?widget=`), already validated. */
export interface TokenRequestHints {
  /** A Kaltura entry id (`1_abcd1234`), or undefined when absent or malformed. */
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
  /** Session type, when the minter knows it (AppToken sessions do); 2 (ADMIN) is refused. */
  type?: number;
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
  /** Told about failures (never given a KS); for the host's own logging. */
  onError?: (error: unknown, request: Request) => void;
}

const ENTRY_ID = /^[0-9]_[A-Za-z0-9]{1,32}$/;
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
  const vary = { Vary: 'Cookie, Authorization' };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return jsonResponse(405, { error: 'method not allowed' }, { ...vary, Allow: 'GET, HEAD' });
    }
    // The endpoint is for the host's own pages; a cross-site request riding on cookies is refused.
    if (request.headers.get('sec-fetch-site') === 'cross-site') {
      return jsonResponse(403, { error: 'cross-site requests are not allowed' }, vary);
    }
    try {
      const user = await currentUser(authenticate, request);
      if (!user) return jsonResponse(401, { error: 'not signed in' }, vary);
      // HEAD answers "would I get a KS?" without minting one.
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers: jsonHeaders(vary) });

      const hints = readHints(request);
      const userPrivileges = typeof privileges === 'function' ? await privileges(user, request, hints) : privileges;
      const result = await mintFor(user, { ...hints, request, privileges: userPrivileges, expiresIn });
      const body = checkResult(result);
      return jsonResponse(200, body, vary);
    } catch (error) {
      onError?.(error, request);
      const upstream = error instanceof KalturaApiError;
      return jsonResponse(upstream ? 502 : 500, { error: 'could not issue a Kaltura session' }, vary);
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

function readHints(request: Request): TokenRequestHints {
  const query = new URL(request.url).searchParams;
  const entryId = query.get('entryId') ?? undefined;
  const widget = query.get('widget') ?? undefined;
  // Validated here so a host that pastes them into a privilege string cannot be fed `,setrole:...`.
  return {
    entryId: entryId !== undefined && ENTRY_ID.test(entryId) ? entryId : undefined,
    widget: widget !== undefined && WIDGET.test(widget) ? widget : undefined,
  };
}

function checkResult(result: MintResult): MintedKs {
  if (!result || typeof result.ks !== 'string' || result.ks === '') throw new Error('mint returned no KS');
  if (result.type === KS_TYPE_ADMIN || readableKsType(result.ks) === KS_TYPE_ADMIN) {
    throw new Error('mint returned an ADMIN KS (type 2); browsers may only receive a USER KS');
  }
  const expiresAt = new Date(result.expiresAt);
  if (Number.isNaN(expiresAt.getTime())) throw new Error('mint returned an invalid expiresAt');
  return { ks: result.ks, expiresAt: expiresAt.toISOString() };
}
