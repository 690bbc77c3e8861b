import { z } from 'zod';
import { callApiV3, type FetchLike } from './api-v3.js';

/** An ADMIN KS, or a function returning a fresh one (the host caches and renews it). */
export type KsSource = string | (() => string | Promise<string>);

export async function resolveKs(source: KsSource): Promise<string> {
  const ks = typeof source === 'function' ? await source() : source;
  if (typeof ks !== 'string' || ks === '') throw new Error('no admin KS available');
  return ks;
}

export interface UserDirectoryOptions {
  /** API v3 base, e.g. `https://www.kaltura.com/api_v3`. */
  serviceUrl: string;
  /** An ADMIN KS for `user.list`; defaults to the game proxy's. */
  adminKs?: KsSource;
  /** How long a looked-up name is reused, in ms (default 60 000). */
  cacheTtlMs?: number;
  /** Most user ids kept in memory (default 5 000). */
  maxCacheEntries?: number;
}

const userListSchema = z.object({ objects: z.array(z.unknown()).nullish() });
const userSchema = z.object({
  id: z.string(),
  fullName: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
});

// Kaltura's list pager tops out at 500.
const MAX_PAGE = 500;

/**
 * Display names for user ids via API v3 `user.list` (score rows carry ids only), cached briefly
 * per id. Unknown users are cached as unknown too, so a page of anonymous rows costs one call.
 */
export class UserDirectory {
  readonly #options: UserDirectoryOptions;
  readonly #fallbackKs: KsSource;
  readonly #fetch: FetchLike | undefined;
  readonly #cache = new Map<string, { name: string | undefined; expires: number }>();

  constructor(options: UserDirectoryOptions, fallbackKs: KsSource, fetchImpl?: FetchLike) {
    if (typeof options.serviceUrl !== 'string' || !/^https?:\/\//.test(options.serviceUrl)) {
      throw new TypeError('userDirectory.serviceUrl must be an http(s) URL (the api_v3 base)');
    }
    this.#options = options;
    this.#fallbackKs = fallbackKs;
    this.#fetch = fetchImpl;
  }

  /** Names for the ids it can resolve; ids it cannot are simply absent. Throws when user.list fails. */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    const now = Date.now();
    const found = new Map<string, string>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = this.#cache.get(id);
      if (cached && cached.expires > now) {
        if (cached.name) found.set(id, cached.name);
      } else if (!id.includes(',')) {
        // A comma would split the `idIn` list; such ids stay nameless.
        missing.push(id);
      }
    }
    for (let start = 0; start < missing.length; start += MAX_PAGE) {
      const batch = missing.slice(start, start + MAX_PAGE);
      const names = await this.#list(batch);
      for (const id of batch) {
        const name = names.get(id);
        this.#remember(id, name);
        if (name) found.set(id, name);
      }
    }
    return found;
  }

  async #list(ids: string[]): Promise<Map<string, string>> {
    const ks = await resolveKs(this.#options.adminKs ?? this.#fallbackKs);
    const data = await callApiV3({
      serviceUrl: this.#options.serviceUrl,
      service: 'user',
      action: 'list',
      params: {
        ks,
        'filter[objectType]': 'KalturaUserFilter',
        'filter[idIn]': ids.join(','),
        'pager[pageSize]': ids.length,
      },
      fetch: this.#fetch,
      signal: AbortSignal.timeout(5_000),
    });
    const names = new Map<string, string>();
    for (const item of userListSchema.parse(data).objects ?? []) {
      const user = userSchema.safeParse(item);
      if (!user.success) continue;
      const { id, fullName, firstName, lastName } = user.data;
      const name = fullName?.trim() || [firstName, lastName].filter(Boolean).join(' ').trim();
      if (name) names.set(id, name);
    }
    return names;
  }

  #remember(id: string, name: string | undefined): void {
    const { cacheTtlMs = 60_000, maxCacheEntries = 5_000 } = this.#options;
    this.#cache.delete(id);
    this.#cache.set(id, { name, expires: Date.now() + cacheTtlMs });
    // Map keeps insertion order: the first key is the stalest.
    while (this.#cache.size > maxCacheEntries) this.#cache.delete(this.#cache.keys().next().value as string);
  }
}
