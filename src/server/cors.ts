/** Cross-origin access for the handlers: only origins the host lists, each checked at start-up. */

/** Normalises `allowedOrigins` (`https://cms.example`), refusing anything that is not a bare http(s) origin. */
export function readAllowedOrigins(value: readonly string[] | undefined, where: string): ReadonlySet<string> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value)) throw new TypeError(`${where}: allowedOrigins must be an array of origins`);
  return new Set(
    value.map((origin: unknown) => {
      const url = typeof origin === 'string' && URL.canParse(origin) ? new URL(origin) : undefined;
      if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
        throw new TypeError(`${where}: allowedOrigins entries must be origins like "https://cms.example", got ${JSON.stringify(origin)}`);
      }
      return url.origin;
    }),
  );
}

/** The request's `Origin` when the host allows it, else undefined. */
export function allowedOriginOf(request: Request, allowed: ReadonlySet<string>): string | undefined {
  const origin = request.headers.get('origin');
  return origin !== null && allowed.has(origin) ? origin : undefined;
}

/** A browser request from another site whose origin the host did not list. */
export function isForeignCrossSite(request: Request, origin: string | undefined): boolean {
  return origin === undefined && request.headers.get('sec-fetch-site') === 'cross-site';
}
