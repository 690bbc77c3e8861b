/**
 * The few `node:crypto` calls the sandbox and the server companion make (SHA digests, AES-128-CBC,
 * random bytes), for the service worker of Storybook's static build. Synchronous, as Node's are:
 * Web Crypto is asynchronous only, so the digests and AES come from the noble libraries.
 */
import { cbc } from '@noble/ciphers/aes.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { Buffer } from 'buffer';

type Data = string | Uint8Array;
type Encoding = 'hex' | 'base64' | 'base64url' | 'latin1' | 'utf8';

const HASHES = { sha1, sha256, sha512 };

const bytes = (data: Data, encoding: Encoding = 'utf8'): Uint8Array => (typeof data === 'string' ? Buffer.from(data, encoding) : data);

export function createHash(algorithm: string) {
  const hash = HASHES[algorithm as keyof typeof HASHES];
  if (!hash) throw new Error(`node-crypto shim: no ${algorithm} hash`);
  const state = hash.create();
  return {
    update(data: Data, encoding?: Encoding) {
      state.update(bytes(data, encoding));
      return this;
    },
    digest(encoding?: Encoding): Buffer & string {
      const digest = Buffer.from(state.digest());
      // The `buffer` package has no base64url (the sandbox fingerprints USER KS with it).
      if (encoding === 'base64url') return digest.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') as Buffer & string;
      return (encoding ? digest.toString(encoding) : digest) as Buffer & string;
    },
  };
}

/** AES-128-CBC only (the KS v2 cipher); update() collects, final() runs the whole message. */
function aesCbc(decrypt: boolean, algorithm: string, key: Uint8Array, iv: Uint8Array) {
  if (algorithm !== 'aes-128-cbc') throw new Error(`node-crypto shim: no ${algorithm} cipher`);
  const chunks: Uint8Array[] = [];
  let padding = true;
  return {
    setAutoPadding(on: boolean) {
      padding = on;
      return this;
    },
    update(data: Uint8Array) {
      chunks.push(data);
      return Buffer.alloc(0);
    },
    final() {
      const aes = cbc(key, iv, { disablePadding: !padding });
      const message = Buffer.concat(chunks);
      return Buffer.from(decrypt ? aes.decrypt(message) : aes.encrypt(message));
    },
  };
}

export const createCipheriv = (algorithm: string, key: Uint8Array, iv: Uint8Array) => aesCbc(false, algorithm, key, iv);
export const createDecipheriv = (algorithm: string, key: Uint8Array, iv: Uint8Array) => aesCbc(true, algorithm, key, iv);

export const randomBytes = (size: number): Buffer => Buffer.from(crypto.getRandomValues(new Uint8Array(size)));

/** An integer in [min, max), as Node's (the bias of `%` does not matter for the sandbox's nonces). */
export function randomInt(min: number, max: number): number {
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return min + (value % (max - min));
}

export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) throw new RangeError('Input buffers must have the same byte length');
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}
