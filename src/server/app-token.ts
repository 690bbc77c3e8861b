import { createHash } from 'node:crypto';
import { z } from 'zod';
import { callApiV3, type FetchLike } from './api-v3.js';
import { KalturaApiError } from './errors.js';
import { KS_TYPE_ADMIN, KS_TYPE_USER, checkPartnerId, checkUserId, clampExpiresIn, type KsType, type MintedKs } from './ks.js';

export type AppTokenHashType = 'SHA1' | 'SHA256' | 'SHA512' | 'MD5';

export interface AppTokenSessionOptions {
  /** API v3 base, e.g. `https://www.kaltura.com/api_v3`. */
  serviceUrl: string;
  partnerId: number | string;
  /** The AppToken's id (e.g. `1_abc123`). */
  appTokenId: string;
  /** The AppToken's secret value. Stays on the server. */
  appToken: string;
  /** The hash type the AppToken was created with; default SHA256. */
  hashType?: AppTokenHashType;
  /** Kaltura user id the session is for (required for a USER KS). */
  userId?: string;
  /** 0 = USER (default), 2 = ADMIN (backend use only, e.g. for the game proxy). */
  type?: KsType;
  /** Seconds; default 3600, clamped to 24 h. The AppToken's own limit may shorten it. */
  expiresIn?: number;
  /** Extra privileges; the AppToken's own privileges still apply. */
  privileges?: string;
  fetch?: FetchLike;
  signal?: AbortSignal;
}

export interface AppTokenSession extends MintedKs {
  /** The session type Kaltura granted (the AppToken may impose one). */
  type: number;
}

const widgetSessionSchema = z.object({ ks: z.string().min(1) });
const sessionInfoSchema = z.object({
  ks: z.string().min(1),
  expiry: z.number().optional(),
  sessionType: z.number().optional(),
});

/**
 * The AppToken flow from the Session and AppTokens guides: an anonymous widget session,
 * `tokenHash = hash(widgetKs + appToken)`, then `appToken.startSession` with that widget KS.
 * No admin secret is involved.
 */
export async function startAppTokenSession(options: AppTokenSessionOptions): Promise<AppTokenSession> {
  const partnerId = checkPartnerId(options.partnerId, 'startAppTokenSession');
  const { serviceUrl, appTokenId, appToken, hashType = 'SHA256', userId = '', type = KS_TYPE_USER, privileges } = options;
  if (typeof serviceUrl !== 'string' || !/^https?:\/\//.test(serviceUrl)) {
    throw new TypeError('startAppTokenSession: serviceUrl must be an http(s) URL (the api_v3 base)');
  }
  if (typeof appTokenId !== 'string' || appTokenId === '') throw new TypeError('startAppTokenSession: appTokenId is required');
  if (typeof appToken !== 'string' || appToken === '') throw new TypeError('startAppTokenSession: appToken is required');
  if (type !== KS_TYPE_USER && type !== KS_TYPE_ADMIN) {
    throw new TypeError(`startAppTokenSession: type must be 0 (USER) or 2 (ADMIN), got ${String(type)}`);
  }
  checkUserId(userId, type === KS_TYPE_USER, 'startAppTokenSession');
  const algorithm = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512', MD5: 'md5' }[hashType];
  if (!algorithm) throw new TypeError(`startAppTokenSession: unknown hashType ${JSON.stringify(hashType)}`);
  const expiresIn = clampExpiresIn(options.expiresIn);
  const common = { serviceUrl, fetch: options.fetch, signal: options.signal };

  const widget = parse(
    widgetSessionSchema,
    await callApiV3({ ...common, service: 'session', action: 'startWidgetSession', params: { widgetId: `_${partnerId}` } }),
    'session.startWidgetSession',
  );
  const tokenHash = createHash(algorithm).update(widget.ks + appToken).digest('hex');
  const requestedAt = Date.now();
  const session = parse(
    sessionInfoSchema,
    await callApiV3({
      ...common,
      service: 'appToken',
      action: 'startSession',
      params: { ks: widget.ks, id: appTokenId, tokenHash, userId, type, expiry: expiresIn, sessionPrivileges: privileges || undefined },
    }),
    'appToken.startSession',
  );
  // Kaltura returns the expiry it granted (unix seconds); it can be shorter than asked.
  const expiresAtMs = session.expiry ? session.expiry * 1000 : requestedAt + expiresIn * 1000;
  return { ks: session.ks, expiresAt: new Date(expiresAtMs).toISOString(), type: session.sessionType ?? type };
}

function parse<T>(schema: z.ZodType<T>, data: unknown, where: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new KalturaApiError('INVALID_RESPONSE', `${where}: unexpected response shape`);
  return result.data;
}
