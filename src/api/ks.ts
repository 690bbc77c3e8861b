/** KS session types (Kaltura API overview: USER = 0, ADMIN = 2). */
export const KS_TYPE_USER = 0;
export const KS_TYPE_ADMIN = 2;

/** What a browser can read of a KS without its secret. */
export interface KsInfo {
  version: 1 | 2;
  partnerId: number;
  /** Only readable from a v1 KS. */
  expiresAt?: Date;
  type?: number;
  userId?: string;
  privileges?: string;
}

function decodeBase64(text: string): string | undefined {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(standard)) return undefined;
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
  try {
    return atob(padded);
  } catch {
    return undefined;
  }
}

/**
 * Reads a KS: v1 is base64 of `signature|partnerId;partnerId;expiry;type;rand;userId;privileges;...`
 * (either base64 alphabet); v2 is base64 of `v2|partnerId|<encrypted>` and only its partner is readable.
 * Returns undefined for text that is neither.
 */
export function parseKs(ks: string): KsInfo | undefined {
  const decoded = ks.startsWith('v2|') ? ks : decodeBase64(ks.trim());
  if (!decoded) return undefined;
  if (decoded.startsWith('v2|')) {
    const partnerId = Number(decoded.split('|')[1]);
    return Number.isInteger(partnerId) && partnerId > 0 ? { version: 2, partnerId } : undefined;
  }
  const bar = decoded.indexOf('|');
  if (bar < 1) return undefined;
  const fields = decoded.slice(bar + 1).split(';');
  const [partner, , expiry, type, , userId, privileges] = fields;
  const partnerId = Number(partner);
  const expirySeconds = Number(expiry);
  const typeNumber = Number(type);
  if (!Number.isInteger(partnerId) || !Number.isFinite(expirySeconds) || !Number.isInteger(typeNumber)) return undefined;
  return {
    version: 1,
    partnerId,
    expiresAt: new Date(expirySeconds * 1000),
    type: typeNumber,
    userId: userId || undefined,
    privileges: privileges || undefined,
  };
}

/** Kaltura user ids live in the KS; an anonymous or widget KS has none (or "0"). */
export function ksUserId(ks: string): string | undefined {
  const userId = parseKs(ks)?.userId;
  return userId && userId !== '0' ? userId : undefined;
}

const knownSecrets = new Set<string>();

/** Registers a KS this page holds, so `redact()` removes it even when it is short. */
export function rememberSecret(ks: string): void {
  if (ks.length < 8) return;
  knownSecrets.add(ks);
  // A long-open page refreshes its KS often; old ones stay redacted for a while, not forever.
  if (knownSecrets.size > 32) knownSecrets.delete(knownSecrets.values().next().value as string);
}

// Long base64-like runs are what a KS looks like in text (URLs, bodies, stack traces).
const KS_LIKE = /[A-Za-z0-9+/_-]{40,}={0,2}|v2\|\d+\|[^\s"'<>]+/g;

/** Removes anything that might be a KS from text meant for people, logs or events. */
export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) out = out.split(secret).join('[KS]');
  return out.replace(KS_LIKE, '[KS]');
}
