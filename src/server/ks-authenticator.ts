import type { Authenticate, AuthenticatedUser } from './http.js';
import { KS_TYPE_USER, checkPartnerId, verifyKs, type KsInfo } from './ks.js';

export interface KsAuthenticatorOptions {
  /** The partner whose USER KS the widgets carry. */
  partnerId: number | string;
  /** The secret the token endpoint mints with: it checks the v1 signature or decrypts a v2 KS. */
  secret: string;
  /** A last word on a valid session, e.g. to refuse one the host has revoked. */
  accept?: (session: KsInfo, request: Request) => boolean | Promise<boolean>;
}

/** The viewer behind a verified USER KS. */
export interface KsViewer extends AuthenticatedUser {
  session: KsInfo;
}

/**
 * Privileges a viewer's session must not carry: each widens what a KS may do beyond its own user
 * (another role, no entitlement checks, everything).
 */
const ELEVATING_PRIVILEGE = /^(setrole|all|\*|disableentitlement.*)$/i;

/**
 * Identifies the viewer from the USER KS the widgets send as `Authorization: Bearer <KS>`, so the
 * proxy needs no cookies and works across origins. Only a KS this partner's secret made, not
 * expired, of type USER, with a user and without elevating privileges, counts.
 */
export function ksAuthenticator(options: KsAuthenticatorOptions): Authenticate<KsViewer> {
  const partnerId = checkPartnerId(options.partnerId, 'ksAuthenticator');
  const { secret, accept } = options;
  if (typeof secret !== 'string' || secret === '') throw new TypeError('ksAuthenticator: secret must be a non-empty string');

  return async (request) => {
    const ks = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    const session = ks === undefined ? undefined : verifyKs(ks, secret);
    if (!session || !isViewerSession(session, partnerId)) return null;
    if (accept && !(await accept(session, request))) return null;
    return { userId: session.userId, session };
  };
}

function isViewerSession(session: KsInfo, partnerId: number): boolean {
  return (
    session.partnerId === partnerId &&
    session.expiry * 1000 > Date.now() &&
    session.type === KS_TYPE_USER &&
    session.userId.trim() !== '' &&
    !Object.keys(session.privileges).some((name) => ELEVATING_PRIVILEGE.test(name))
  );
}
