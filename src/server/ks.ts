import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** KS session types (USER for browsers, ADMIN for backends only). */
export const KS_TYPE_USER = 0;
export const KS_TYPE_ADMIN = 2;
export type KsType = typeof KS_TYPE_USER | typeof KS_TYPE_ADMIN;

/** Longest KS this module mints: the guides advise short sessions (1–4 h); a day is the ceiling. */
export const MAX_KS_EXPIRES_IN = 24 * 60 * 60;
export const DEFAULT_KS_EXPIRES_IN = 60 * 60;

export interface MintKsOptions {
  /** Kaltura partner id (a positive integer; a numeric string from an env var is accepted). */
  partnerId: number | string;
  /** The partner's admin secret (or user secret). Stays on the server. */
  secret: string;
  /** Kaltura user id; required for a USER KS. */
  userId?: string;
  /** 0 = USER (default), 2 = ADMIN. */
  type?: KsType;
  /** Comma-separated `name:value` privileges, e.g. `entryId:1_abc,roomModerator:1`. */
  privileges?: string;
  /** Seconds until expiry; default 3600, clamped to 24 h. */
  expiresIn?: number;
  /** `v2` (encrypted, default) or `v1` (signed, readable). */
  format?: 'v1' | 'v2';
}

export interface MintedKs {
  ks: string;
  /** Expiry as an ISO 8601 date-time. */
  expiresAt: string;
}

/**
 * Mints a KS locally, byte for byte as Kaltura's client libraries do (`generateSession` for v1,
 * `generateSessionV2` for v2), so no API call is needed.
 */
export function mintKs(options: MintKsOptions): MintedKs {
  const partnerId = checkPartnerId(options.partnerId, 'mintKs');
  const { secret, type = KS_TYPE_USER, privileges = '', format = 'v2' } = options;
  const userId = options.userId ?? '';
  if (typeof secret !== 'string' || secret.length === 0) throw new TypeError('mintKs: secret must be a non-empty string');
  if (type !== KS_TYPE_USER && type !== KS_TYPE_ADMIN) {
    throw new TypeError(`mintKs: type must be 0 (USER) or 2 (ADMIN), got ${String(type)}`);
  }
  checkUserId(userId, type === KS_TYPE_USER, 'mintKs');
  if (format !== 'v1' && format !== 'v2') throw new TypeError(`mintKs: format must be 'v1' or 'v2', got ${String(format)}`);
  const privilegeList = parsePrivileges(privileges);
  const expiry = Math.floor(Date.now() / 1000) + clampExpiresIn(options.expiresIn);
  const ks =
    format === 'v1'
      ? mintV1(partnerId, secret, expiry, type, userId, privilegeList)
      : mintV2(partnerId, secret, expiry, type, userId, privilegeList);
  return { ks, expiresAt: new Date(expiry * 1000).toISOString() };
}

type Privilege = readonly [name: string, value: string];

function mintV1(partnerId: number, secret: string, expiry: number, type: number, userId: string, privileges: Privilege[]): string {
  if (userId.includes(';')) throw new TypeError('mintKs: a v1 KS cannot carry a userId containing ";"');
  const privilegeText = privileges.map(([name, value]) => (value === '' ? name : `${name}:${value}`)).join(',');
  if (privilegeText.includes(';')) throw new TypeError('mintKs: a v1 KS cannot carry privileges containing ";"');
  const fields = [partnerId, partnerId, expiry, type, randomInt(0, 0x7fffffff), userId, privilegeText].join(';');
  const signature = createHash('sha1').update(secret + fields).digest('hex');
  return toUrlSafeBase64(Buffer.from(`${signature}|${fields}`, 'utf8'));
}

function mintV2(partnerId: number, secret: string, expiry: number, type: number, userId: string, privileges: Privilege[]): string {
  // Privileges first, then the reserved fields, as the client libraries order them.
  const fields = new URLSearchParams();
  for (const [name, value] of privileges) fields.append(name, value);
  fields.append('_e', String(expiry));
  fields.append('_t', String(type));
  fields.append('_u', userId);
  const plain = Buffer.concat([randomBytes(16), Buffer.from(fields.toString(), 'utf8')]);
  const message = Buffer.concat([createHash('sha1').update(plain).digest(), plain]);
  const key = createHash('sha1').update(secret, 'utf8').digest().subarray(0, 16);
  const cipher = createCipheriv('aes-128-cbc', key, Buffer.alloc(16));
  // Kaltura pads with zero bytes (mcrypt style), not PKCS#7.
  cipher.setAutoPadding(false);
  const remainder = message.length % 16;
  const padded = remainder === 0 ? message : Buffer.concat([message, Buffer.alloc(16 - remainder)]);
  const encrypted = Buffer.concat([cipher.update(padded), cipher.final()]);
  return toUrlSafeBase64(Buffer.concat([Buffer.from(`v2|${partnerId}|`, 'utf8'), encrypted]));
}

/** Kaltura's clients replace `+` and `/` and keep the `=` padding. */
function toUrlSafeBase64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * Splits `a:1,b,c:x:y` into pairs as the client libraries do (`*` means `all:*`). Names must be
 * plain words; names starting with `_` are the KS's own fields and could override expiry, type or
 * user, so they are refused.
 */
function parsePrivileges(privileges: string): Privilege[] {
  if (typeof privileges !== 'string') throw new TypeError('mintKs: privileges must be a string');
  const out: Privilege[] = [];
  for (const raw of privileges.split(',')) {
    const privilege = raw.trim() === '*' ? 'all:*' : raw.trim();
    if (privilege === '') continue;
    const colon = privilege.indexOf(':');
    const name = colon === -1 ? privilege : privilege.slice(0, colon);
    const value = colon === -1 ? '' : privilege.slice(colon + 1);
    if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(name)) {
      throw new TypeError(`mintKs: invalid privilege name ${JSON.stringify(name)} (expected a word starting with a letter)`);
    }
    out.push([name, value]);
  }
  return out;
}

/** Whole seconds in [1, MAX_KS_EXPIRES_IN]; longer requests are clamped, not refused. */
export function clampExpiresIn(expiresIn: number | undefined): number {
  if (expiresIn === undefined) return DEFAULT_KS_EXPIRES_IN;
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn < 1) {
    throw new TypeError(`expiresIn must be a positive number of seconds, got ${String(expiresIn)}`);
  }
  return Math.min(Math.floor(expiresIn), MAX_KS_EXPIRES_IN);
}

export function checkPartnerId(partnerId: number | string, where: string): number {
  const value = typeof partnerId === 'string' && /^\d+$/.test(partnerId.trim()) ? Number(partnerId) : partnerId;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(`${where}: partnerId must be a positive integer, got ${JSON.stringify(partnerId)}`);
  }
  return value;
}

export function checkUserId(userId: unknown, required: boolean, where: string): void {
  if (typeof userId !== 'string') throw new TypeError(`${where}: userId must be a string`);
  if (required && userId.trim() === '') throw new TypeError(`${where}: userId is required for a USER KS (type 0)`);
  // Kaltura user ids are at most 100 characters; control characters would corrupt the KS fields.
  if (userId.length > 100 || /[\u0000-\u001f\u007f]/.test(userId)) {
    throw new TypeError(`${where}: userId must be at most 100 characters without control characters`);
  }
}

/** What a KS says about itself. */
export interface KsInfo {
  version: 1 | 2;
  partnerId: number;
  /** Unix time in seconds. */
  expiry: number;
  /** 0 = USER, 2 = ADMIN (whatever number the KS carries). */
  type: number;
  userId: string;
  /** Privilege name → value (`''` for a privilege without a value; `*` reads as `all: '*'`). */
  privileges: Record<string, string>;
}

/**
 * Decodes a KS and checks that it was made with `secret`: the v1 signature, or v2 decryption and
 * its SHA-1. Undefined for anything else. Expiry, partner and type are the caller's to judge.
 */
export function verifyKs(ks: string, secret: string): KsInfo | undefined {
  const raw = decodeKs(ks);
  if (!raw || typeof secret !== 'string' || secret === '') return undefined;
  if (isV2(raw)) return decryptV2(raw, secret);
  const v1 = readV1(raw);
  if (!v1) return undefined;
  const expected = Buffer.from(createHash('sha1').update(secret + v1.signed).digest('hex'), 'latin1');
  const actual = Buffer.from(v1.signature, 'latin1');
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? v1.info : undefined;
}

/**
 * The session type of a readable (v1) KS, or undefined for a v2 KS (encrypted) or non-KS text.
 * Lets the token endpoint refuse to hand an ADMIN KS to a browser whenever it can tell.
 */
export function readableKsType(ks: string): number | undefined {
  const raw = decodeKs(ks);
  return raw && !isV2(raw) ? readV1(raw)?.info.type : undefined;
}

function decodeKs(ks: string): Buffer | undefined {
  // Node's base64 decoder skips characters it does not know; check the alphabet first.
  return typeof ks === 'string' && /^[A-Za-z0-9+/_-]+={0,2}$/.test(ks) ? Buffer.from(ks, 'base64') : undefined;
}

const isV2 = (raw: Buffer): boolean => raw.subarray(0, 3).toString('latin1') === 'v2|';

/** `signature|partnerId;partnerId;expiry;type;rand;userId;privileges[;…]`, unverified. */
function readV1(raw: Buffer): { signature: string; signed: string; info: KsInfo } | undefined {
  const text = raw.toString('utf8');
  const match = /^([0-9a-f]{40})\|((\d+);\d+;(\d+);(\d+);[^;]*;([^;]*);([^;]*)(?:;.*)?)$/s.exec(text);
  if (!match) return undefined;
  const [, signature = '', signed = '', partnerId, expiry, type, userId = '', privilegeText = ''] = match;
  const privileges = readPrivileges(privilegeText);
  if (!privileges) return undefined;
  return { signature, signed, info: { version: 1, partnerId: Number(partnerId), expiry: Number(expiry), type: Number(type), userId, privileges } };
}

function decryptV2(raw: Buffer, secret: string): KsInfo | undefined {
  const bar = raw.indexOf('|', 3);
  const partnerId = Number(raw.subarray(3, bar).toString('latin1'));
  const encrypted = raw.subarray(bar + 1);
  if (bar < 0 || !Number.isSafeInteger(partnerId) || partnerId <= 0) return undefined;
  // SHA-1 (20 bytes) + 16 random bytes at least, in whole AES blocks.
  if (encrypted.length < 48 || encrypted.length % 16 !== 0) return undefined;
  const decipher = createDecipheriv('aes-128-cbc', createHash('sha1').update(secret, 'utf8').digest().subarray(0, 16), Buffer.alloc(16));
  decipher.setAutoPadding(false);
  const message = Buffer.concat([decipher.update(encrypted), decipher.final()]);
  const hash = message.subarray(0, 20);
  // Zero padding cannot be told from plain text ending in zero bytes: the hash decides where it ends.
  let end = message.length;
  while (end > 36 && message[end - 1] === 0) end--;
  for (let length = end; length <= message.length && length - end < 16; length++) {
    const plain = message.subarray(20, length);
    if (!timingSafeEqual(createHash('sha1').update(plain).digest(), hash)) continue;
    const fields = new URLSearchParams(plain.subarray(16).toString('utf8'));
    const privileges: Record<string, string> = {};
    for (const [name, value] of fields) if (!name.startsWith('_')) privileges[name] = value;
    const expiry = Number(fields.get('_e'));
    const type = fields.get('_t');
    if (!Number.isSafeInteger(expiry) || type === null || !/^\d+$/.test(type)) return undefined;
    return { version: 2, partnerId, expiry, type: Number(type), userId: fields.get('_u') ?? '', privileges };
  }
  return undefined;
}

/** A v1 privilege list as a record, or undefined when it holds a name no KS minter would write. */
function readPrivileges(text: string): Record<string, string> | undefined {
  try {
    return Object.fromEntries(parsePrivileges(text));
  } catch {
    return undefined;
  }
}
