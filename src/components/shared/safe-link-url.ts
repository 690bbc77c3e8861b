/**
 * A URL fit for an `<a href>` from service data: absolute `https:` or `http:` URLs only (a relative
 * one would resolve against the host page); `javascript:`, `data:` and anything unreadable give undefined.
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
