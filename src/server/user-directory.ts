import { z } from 'zod';
import { callApiV3, type FetchLike } from './api-v3.js';
import { TtlCache } from './ttl-cache.js';

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
  /** An ADMIN KS for `user.list` and `groupUser.list`; defaults to the game proxy's. */
  adminKs?: KsSource;
  /** How long a looked-up user is reused, in ms (default 60 000). */
  cacheTtlMs?: number;
  /** Most user ids kept in memory, per kind of look-up (default 5 000). */
  maxCacheEntries?: number;
}

/** What `user.list` tells about a user; both empty for a user Kaltura does not know. */
export interface UserProfile {
  name?: string;
  email?: string;
}

const listSchema = z.object({ objects: z.array(z.unknown()).nullish(), totalCount: z.number().nullish() });
const userSchema = z.object({
  id: z.string(),
  fullName: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string().nullish(),
});
const groupUserSchema = z.object({ userId: z.string(), groupId: z.union([z.string(), z.number()]) });

/** Ids per API v3 call: one page of rows at most, so a request costs one call of each kind. */
const BATCH = 100;
/** `groupUser.list` pages (a user may be in many groups); past this many the answer is incomplete. */
const GROUP_PAGE = 500;
const MAX_GROUP_PAGES = 10;

/**
 * Users by id through API v3 (score rows carry ids only): profiles (`user.list`: name and email)
 * and group memberships (`groupUser.list`), batched and cached briefly per id. Unknown users are
 * cached as unknown too, so a page of anonymous rows costs one call.
 */
export class UserDirectory {
  readonly #options: UserDirectoryOptions;
  readonly #fallbackKs: KsSource;
  readonly #fetch: FetchLike | undefined;
  readonly #profiles: TtlCache<UserProfile>;
  readonly #groups: TtlCache<readonly string[]>;

  constructor(options: UserDirectoryOptions, fallbackKs: KsSource, fetchImpl?: FetchLike) {
    if (typeof options.serviceUrl !== 'string' || !/^https?:\/\//.test(options.serviceUrl)) {
      throw new TypeError('userDirectory.serviceUrl must be an http(s) URL (the api_v3 base)');
    }
    const { cacheTtlMs = 60_000, maxCacheEntries = 5_000 } = options;
    this.#options = options;
    this.#fallbackKs = fallbackKs;
    this.#fetch = fetchImpl;
    this.#profiles = new TtlCache(cacheTtlMs, maxCacheEntries);
    this.#groups = new TtlCache(cacheTtlMs, maxCacheEntries);
  }

  /** A profile for every id it could ask about (ids with a comma cannot be). Throws when user.list fails. */
  profiles(ids: readonly string[]): Promise<Map<string, UserProfile>> {
    return this.#lookUp(ids, this.#profiles, {}, (batch) => this.#userList(batch));
  }

  /** Group ids for every id it could ask about. Throws when groupUser.list fails. */
  groups(ids: readonly string[]): Promise<Map<string, readonly string[]>> {
    return this.#lookUp(ids, this.#groups, [], (batch) => this.#groupUserList(batch));
  }

  async #lookUp<V>(ids: readonly string[], cache: TtlCache<V>, unknown: V, load: (batch: string[]) => Promise<Map<string, V>>) {
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = cache.get(id);
      if (cached !== undefined) found.set(id, cached);
      // A comma would split the `…In` list: such ids are never asked about.
      else if (!id.includes(',')) missing.push(id);
    }
    for (let start = 0; start < missing.length; start += BATCH) {
      const batch = missing.slice(start, start + BATCH);
      const loaded = await load(batch);
      for (const id of batch) {
        const value = loaded.get(id) ?? unknown;
        cache.set(id, value);
        found.set(id, value);
      }
    }
    return found;
  }

  async #call(service: string, params: Record<string, string | number>): Promise<z.infer<typeof listSchema>> {
    const ks = await resolveKs(this.#options.adminKs ?? this.#fallbackKs);
    const data = await callApiV3({
      serviceUrl: this.#options.serviceUrl,
      service,
      action: 'list',
      params: { ks, ...params },
      fetch: this.#fetch,
      signal: AbortSignal.timeout(5_000),
    });
    return listSchema.parse(data);
  }

  async #userList(ids: string[]): Promise<Map<string, UserProfile>> {
    const { objects } = await this.#call('user', {
      'filter[objectType]': 'KalturaUserFilter',
      'filter[idIn]': ids.join(','),
      'pager[pageSize]': ids.length,
    });
    const profiles = new Map<string, UserProfile>();
    for (const item of objects ?? []) {
      const user = userSchema.safeParse(item);
      if (!user.success) continue;
      const { id, fullName, firstName, lastName, email } = user.data;
      const name = fullName?.trim() || [firstName, lastName].filter(Boolean).join(' ').trim();
      profiles.set(id, { ...(name ? { name } : {}), ...(email ? { email } : {}) });
    }
    return profiles;
  }

  async #groupUserList(ids: string[]): Promise<Map<string, readonly string[]>> {
    const groups = new Map<string, string[]>();
    for (let pageIndex = 1; pageIndex <= MAX_GROUP_PAGES; pageIndex++) {
      const { objects, totalCount } = await this.#call('groupUser', {
        'filter[objectType]': 'KalturaGroupUserFilter',
        'filter[userIdIn]': ids.join(','),
        'pager[pageSize]': GROUP_PAGE,
        'pager[pageIndex]': pageIndex,
      });
      const page = objects ?? [];
      for (const item of page) {
        const membership = groupUserSchema.safeParse(item);
        if (!membership.success) continue;
        const { userId, groupId } = membership.data;
        groups.set(userId, [...(groups.get(userId) ?? []), String(groupId)]);
      }
      if (page.length < GROUP_PAGE || (typeof totalCount === 'number' && pageIndex * GROUP_PAGE >= totalCount)) return groups;
    }
    // Memberships left unread could be the ones a policy matches: no answer beats a wrong one.
    throw new Error(`groupUser.list: more than ${MAX_GROUP_PAGES * GROUP_PAGE} memberships for ${ids.length} users`);
  }
}
