import { KalError } from './errors.js';

// KAF embedded rooms guide: view-room authenticated by KS; entryId, roomModerator and
// chatModerator travel as KS privileges, and KS-auth KAF takes the KS as a path segment.

/** A plain host name (optionally with a port): no scheme, path, credentials or spaces. */
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/i;

export function isKafHost(value: string): boolean {
  return HOST.test(value);
}

export { isEntryId } from './entry-id.js';

export interface ViewRoomTarget {
  /** The KAF host name, used as https://{kafHost}. */
  kafHost?: string;
  /** A base URL overriding the host (a proxy or the sandbox). */
  kafBaseUrl?: string;
}

/** `https://{kaf-host}/embeddedrooms/index/view-room/ks/{ks}`. */
export function viewRoomUrl(target: ViewRoomTarget, ks: string): string {
  let base: string;
  if (target.kafBaseUrl) base = target.kafBaseUrl.replace(/\/+$/, '');
  else if (target.kafHost && isKafHost(target.kafHost)) base = `https://${target.kafHost.toLowerCase()}`;
  else throw new KalError('config', `kaf-host must be a plain https host name such as "example.mediaspace.kaltura.com"`);
  return `${base}/embeddedrooms/index/view-room/ks/${encodeURIComponent(ks)}`;
}

/**
 * A KAF base URL override (`serviceUrls.kaf`, `kaf-url`): an http(s) URL or a same-origin path,
 * without credentials. Anything else (`javascript:`, `data:`) could run as the room page.
 */
export function isKafBaseUrl(
  value: string,
  // The document's base URL (what the iframe's src resolves against), else the page's.
  pageUrl: string | URL | undefined = globalThis.document?.baseURI ?? globalThis.location?.href,
): boolean {
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
}
