/** A small in-memory cache: entries expire after `ttlMs`, and the stalest go first past `maxEntries`. */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; expires: number }>();

  constructor(
    readonly ttlMs: number,
    readonly maxEntries: number,
  ) {
    if (!(ttlMs >= 0) || !(maxEntries >= 1)) throw new TypeError('cache ttl must be >= 0 ms and size >= 1 entry');
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expires > Date.now()) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: Date.now() + this.ttlMs });
    // A Map keeps insertion order: the first key is the stalest.
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
  }
}

/**
 * One read per key at a time, its promise shared by every caller and kept for the cache's time, or
 * forgotten as soon as it fails or settles on a value that is not `usable` (the next caller reads again).
 */
export function sharedRead<T>(cache: TtlCache<Promise<T>>, key: string, read: () => Promise<T>, usable: (value: T) => boolean = () => true): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  const pending = read();
  cache.set(key, pending);
  // Only this read is forgotten, never a newer entry set under the same key meanwhile.
  const forget = () => cache.get(key) === pending && cache.delete(key);
  pending.then((value) => usable(value) || forget(), forget);
  return pending;
}
