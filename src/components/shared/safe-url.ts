/**
 * A URL fit to load as an image or follow as a link (DESIGN §4), or undefined: only `https:` URLs, or
 * `http:` ones on the page's own origin (relative URLs included). `javascript:`, `data:`, `blob:` and
 * other origins over plain http never reach an `<img>` or an `<a>`.
 */
export function safeUrl(
  url: string | undefined,
  base: string | undefined = globalThis.document?.baseURI,
  // The document's origin (a srcdoc frame's location.origin is "null").
  pageOrigin: string | undefined = globalThis.origin ?? globalThis.location?.origin,
): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'https:') return parsed.href;
  if (parsed.protocol === 'http:' && pageOrigin && parsed.origin === pageOrigin) return parsed.href;
  return undefined;
}

/**
 * A link from service data fit for an `<a href>`: absolute `https:` or `http:` URLs only (following a
 * link loads nothing into the page, so any origin will do, but a relative one would resolve against
 * the host page); `javascript:`, `data:` and anything unreadable give undefined.
 */
export function safeLinkUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
