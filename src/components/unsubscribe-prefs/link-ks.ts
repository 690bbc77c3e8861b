import type { GetKs } from '../../api/session.js';
import { rememberSecret } from '../../api/ks.js';

// A landing page reached from an email link carries a USER KS in its URL (`?ks=…`). It is read once,
// removed from the address bar at once, and kept only in memory: never in an attribute, a log or an
// event. Pure string helpers first, then the page-level memory.

/** The query part of a URL fragment: `#ks=…&a=b` → `ks=…&a=b`, `#/route?ks=…` → `ks=…`. */
function hashQuery(hash: string): { prefix: string; query: string } | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const question = body.indexOf('?');
  if (question >= 0) return { prefix: body.slice(0, question + 1), query: body.slice(question + 1) };
  return body.includes('=') ? { prefix: '', query: body } : undefined;
}

function keyOf(pair: string): string {
  const equals = pair.indexOf('=');
  return safeDecode(equals < 0 ? pair : pair.slice(0, equals));
}

function valueOf(pair: string): string {
  const equals = pair.indexOf('=');
  // No `+` → space here: a standard-base64 KS pasted into a link unencoded keeps its `+`.
  return equals < 0 ? '' : safeDecode(pair.slice(equals + 1)).trim();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function findIn(query: string, name: string): string | undefined {
  for (const pair of query.split('&')) {
    if (pair && keyOf(pair) === name) {
      const value = valueOf(pair);
      if (value) return value;
    }
  }
  return undefined;
}

function without(query: string, name: string): string {
  // Other parameters keep their exact spelling (no re-encoding).
  return query
    .split('&')
    .filter((pair) => pair && keyOf(pair) !== name)
    .join('&');
}

/** The value of parameter `name` in a URL's query, else in its fragment; undefined when absent or empty. */
export function readUrlParam(href: string, name: string): string | undefined {
  const url = new URL(href);
  const fromQuery = findIn(url.search.replace(/^\?/, ''), name);
  if (fromQuery) return fromQuery;
  const hash = hashQuery(url.hash);
  return hash ? findIn(hash.query, name) : undefined;
}

/**
 * The same URL without parameter `name` (query and fragment), as a path-relative URL for
 * `history.replaceState`. Other parameters and the fragment are kept as they were.
 */
export function urlWithoutParam(href: string, name: string): string {
  const url = new URL(href);
  const search = without(url.search.replace(/^\?/, ''), name);
  let hash = url.hash;
  const parts = hashQuery(url.hash);
  if (parts) {
    const rest = without(parts.query, name);
    const prefix = parts.prefix.endsWith('?') && !rest ? parts.prefix.slice(0, -1) : parts.prefix;
    hash = prefix || rest ? `#${prefix}${rest}` : '';
  }
  return `${url.pathname}${search ? `?${search}` : ''}${hash}`;
}

// --- page memory ---

/** KS read from the URL, by parameter name: a re-mounted element (SPA route) still finds it. */
const linkKsByParam = new Map<string, string>();
/** One stable token callback per KS, so the session layer shares one session for it. */
const getKsByKs = new Map<string, GetKs>();

/**
 * Reads the KS from the page URL's `param` (query, then fragment), removes it from the address bar
 * at once (other parameters and the fragment stay) and remembers it in memory for this page.
 * Answers the remembered KS when the URL no longer holds one.
 */
export function takeLinkKs(param: string): string | undefined {
  const location = globalThis.location;
  if (!location || !param) return linkKsByParam.get(param);
  const ks = readUrlParam(location.href, param);
  if (ks) {
    rememberSecret(ks);
    linkKsByParam.set(param, ks);
    try {
      history.replaceState(history.state, '', urlWithoutParam(location.href, param));
    } catch {
      // A sandboxed frame may refuse; the KS is still only in memory on our side.
    }
  }
  return linkKsByParam.get(param);
}

/** A parameter of the page URL (query, then fragment), e.g. the one-click `group`. */
export function pageParam(name: string): string | undefined {
  const href = globalThis.location?.href;
  return href ? readUrlParam(href, name) : undefined;
}

/** Thrown (inside the session layer) when the service refuses a KS that came from a link. */
export const LINK_KS_REFUSED = 'the KS from the link was refused (expired or revoked), and a link cannot be refreshed';

/**
 * The token callback for a link KS. It always answers the same KS: a link cannot be refreshed, so
 * when the service refuses it (`reason: 'rejected'`) the callback fails and the element shows
 * "This link has expired".
 */
export function linkGetKs(ks: string): GetKs {
  let getKs = getKsByKs.get(ks);
  if (!getKs) {
    getKs = (context) => {
      if (context.reason === 'rejected') throw new Error(LINK_KS_REFUSED);
      return ks;
    };
    getKsByKs.set(ks, getKs);
  }
  return getKs;
}

/** Forgets every KS read from a link (tests; a host signing the person out). */
export function forgetLinkKs(): void {
  linkKsByParam.clear();
  getKsByKs.clear();
}
