// @ts-check
/**
 * Kaltura Session (KS) minting and checking, written the way Kaltura's own client libraries do it
 * (KalturaClientBase::generateSessionV1/V2), so a KS made here could be read by Kaltura and vice versa.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';

/** @typedef {{ version: 1 | 2, partnerId: number, userId: string, type: number, expiry: number, privileges: Record<string, string> }} KsInfo */
/** @typedef {{ ok: true, ks: KsInfo } | { ok: false, reason: 'missing' | 'undecodable' | 'signature' | 'expired', partnerId?: number }} KsCheck */

export const KS_TYPE_USER = 0;
export const KS_TYPE_ADMIN = 2;

/** The sandbox's admin secret for a partner: every partner id exists, each with its own secret. */
export function sandboxAdminSecret(/** @type {number} */ partnerId) {
  return 'sandbox-admin-secret-' + partnerId;
}

/** @param {string | Buffer} data */
const sha1 = (data) => createHash('sha1').update(data).digest();

/** Standard base64 → URL-safe alphabet, as the client libraries emit. */
const toUrlSafe = (/** @type {Buffer} */ buf) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

/**
 * Parses `name:value,name2` privileges. A privilege without a value maps to '' (as PHP's
 * generateSessionV2 does) and `*` means `all:*`.
 * @param {string} privileges
 */
function parsePrivileges(privileges) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const raw of privileges.split(',')) {
    const p = raw.trim() === '*' ? 'all:*' : raw.trim();
    if (!p) continue;
    const i = p.indexOf(':');
    if (i < 0) out[p] = '';
    else out[p.slice(0, i)] = p.slice(i + 1);
  }
  return out;
}

/**
 * @param {{ partnerId: number, userId: string, type: number, privileges: string, expiry: number, format: 'v1' | 'v2' }} o
 * @returns {string}
 */
function encodeKs({ partnerId, userId, type, privileges, expiry, format }) {
  const secret = sandboxAdminSecret(partnerId);
  if (format === 'v1') {
    const fields = [partnerId, partnerId, expiry, type, randomInt(0, 32000), userId, privileges].join(';');
    const signature = createHash('sha1').update(secret + fields).digest('hex');
    return toUrlSafe(Buffer.from(signature + '|' + fields, 'utf8'));
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(parsePrivileges(privileges))) params.append(name, value);
  params.append('_e', String(expiry));
  params.append('_t', String(type));
  params.append('_u', userId);
  const plain = Buffer.concat([randomBytes(16), Buffer.from(params.toString(), 'utf8')]);
  const message = Buffer.concat([sha1(plain), plain]);
  // Zero-byte padding to the block size, no PKCS7: that is what the client libraries do.
  const padded = Buffer.concat([message, Buffer.alloc((16 - (message.length % 16)) % 16)]);
  const cipher = createCipheriv('aes-128-cbc', sha1(secret).subarray(0, 16), Buffer.alloc(16));
  cipher.setAutoPadding(false);
  const encrypted = Buffer.concat([cipher.update(padded), cipher.final()]);
  return toUrlSafe(Buffer.concat([Buffer.from(`v2|${partnerId}|`, 'utf8'), encrypted]));
}

/** @param {string} ks */
function decodeBase64(ks) {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(ks)) return null;
  return Buffer.from(ks.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/**
 * The partner id a KS claims, without checking it: used to pick the partner's world (for faults,
 * latency and the call log) before the real check, as a gateway would.
 * @param {string | undefined} ks
 */
export function claimedPartnerId(ks) {
  const raw = ks ? decodeBase64(ks) : null;
  if (!raw) return undefined;
  const text = raw.subarray(0, 64).toString('latin1');
  const m = text.startsWith('v2|') ? /^v2\|(\d+)\|/.exec(text) : /^[0-9a-f]{40}\|(\d+);/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * @param {Buffer} raw decoded v1 KS
 * @returns {KsCheck}
 */
function checkV1(raw) {
  const text = raw.toString('utf8');
  const bar = text.indexOf('|');
  const signature = text.slice(0, bar);
  const fieldsText = text.slice(bar + 1);
  const fields = fieldsText.split(';');
  const partnerId = Number(fields[0]);
  if (bar !== 40 || fields.length < 7 || !Number.isSafeInteger(partnerId) || partnerId <= 0) return { ok: false, reason: 'undecodable' };
  const expected = createHash('sha1').update(sandboxAdminSecret(partnerId) + fieldsText).digest('hex');
  if (expected !== signature) return { ok: false, reason: 'signature', partnerId };
  return finish({ version: 1, partnerId, expiry: Number(fields[2]), type: Number(fields[3]), userId: fields[5], privileges: parsePrivileges(fields[6]) });
}

/**
 * @param {Buffer} raw decoded v2 KS
 * @returns {KsCheck}
 */
function checkV2(raw) {
  const second = raw.indexOf('|', 3);
  const partnerId = Number(raw.subarray(3, second).toString('latin1'));
  const encrypted = raw.subarray(second + 1);
  if (second < 0 || !Number.isSafeInteger(partnerId) || partnerId <= 0) return { ok: false, reason: 'undecodable' };
  if (encrypted.length < 48 || encrypted.length % 16) return { ok: false, reason: 'signature', partnerId };
  const decipher = createDecipheriv('aes-128-cbc', sha1(sandboxAdminSecret(partnerId)).subarray(0, 16), Buffer.alloc(16));
  decipher.setAutoPadding(false);
  const message = Buffer.concat([decipher.update(encrypted), decipher.final()]);
  // Strip the zero padding, but the plain text itself could end in zero bytes: the hash decides.
  let end = message.length;
  while (end > 20 && message[end - 1] === 0) end--;
  for (let len = end; len <= message.length && len - end < 16; len++) {
    const plain = message.subarray(20, len);
    if (!sha1(plain).equals(message.subarray(0, 20))) continue;
    const params = new URLSearchParams(plain.subarray(16).toString('utf8'));
    /** @type {Record<string, string>} */
    const privileges = {};
    for (const [name, value] of params) if (!name.startsWith('_')) privileges[name] = value;
    return finish({ version: 2, partnerId, expiry: Number(params.get('_e')), type: Number(params.get('_t')), userId: params.get('_u') ?? '', privileges });
  }
  return { ok: false, reason: 'signature', partnerId };
}

/**
 * @param {KsInfo} ks
 * @returns {KsCheck}
 */
function finish(ks) {
  if (!Number.isFinite(ks.expiry) || !Number.isInteger(ks.type)) return { ok: false, reason: 'undecodable', partnerId: ks.partnerId };
  if (ks.expiry * 1000 <= Date.now()) return { ok: false, reason: 'expired', partnerId: ks.partnerId };
  return { ok: true, ks };
}

/**
 * Decodes and checks a KS (signature or decryption with the partner's secret, then expiry).
 * @param {string | undefined | null} ks
 * @returns {KsCheck}
 */
export function checkKs(ks) {
  if (!ks) return { ok: false, reason: 'missing' };
  const raw = decodeBase64(ks);
  if (!raw || raw.length < 8) return { ok: false, reason: 'undecodable' };
  return raw.subarray(0, 3).toString('latin1') === 'v2|' ? checkV2(raw) : checkV1(raw);
}

/**
 * Mints a KS for tests and for the /sandbox/ks endpoint (the host backend's token endpoint stand-in).
 * @param {{ partnerId: number, userId?: string, type?: number, privileges?: string, expiresIn?: number, format?: 'v1' | 'v2' }} o
 * @returns {{ ks: string, expiresAt: string }}
 */
export function mintSandboxKs({ partnerId, userId = 'viewer@example.com', type = KS_TYPE_USER, privileges = '', expiresIn = 3600, format = 'v2' }) {
  if (!Number.isSafeInteger(partnerId) || partnerId <= 0) throw new TypeError('partnerId must be a positive integer');
  const expiry = Math.floor(Date.now() / 1000) + Math.trunc(expiresIn);
  return { ks: encodeKs({ partnerId, userId, type, privileges, expiry, format }), expiresAt: new Date(expiry * 1000).toISOString() };
}
