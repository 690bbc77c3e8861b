// @ts-check
/** Small HTTP helpers shared by the sandbox's services: body reading, CORS and answers. */

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/** Bodies above this are refused: nothing the guides describe comes close. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The token endpoint: the host backend's stand-in, the one path called with the page's cookies. */
const TOKEN_ENDPOINT = /^\/sandbox\/ks\/?(?:\?|$)/;

/**
 * CORS on every answer so pages on another origin (a Storybook port, a CMS preview) can use the
 * sandbox too. The services answer `*`: they are called with a Bearer KS and never with cookies. The
 * token endpoint, when a request names its origin, gives it back with credentials allowed (a host's
 * endpoint is called with the page's cookies, and `*` is refused for those). Not from a guide: the
 * harness's side. Retry-After is exposed so a browser client can honour it cross-origin.
 * @param {Req | undefined} req
 * @returns {Record<string, string>}
 */
export function corsHeaders(req) {
  const origin = req && TOKEN_ENDPOINT.test(req.url ?? '') ? req.headers.origin : undefined;
  return {
    ...(origin ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } : { 'Access-Control-Allow-Origin': '*' }),
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '600',
  };
}

/** The origin a request was sent to (`http://host:port`), for absolute URLs in answers. */
export function requestOrigin(/** @type {Req} */ req) {
  const secure = /** @type {{ encrypted?: boolean }} */ (req.socket).encrypted;
  return `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
}

export class HttpError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * Reads the whole request body. Under @web/test-runner the request arrives untouched (Koa parses
 * nothing by itself), so the stream is read here in every host.
 * @param {Req} req
 * @returns {Promise<Buffer>}
 */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, 'BODY_TOO_LARGE', 'The request body is too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Parses a JSON request body; an empty body is `{}`.
 * @param {Buffer} body
 * @returns {Record<string, unknown>}
 */
export function parseJsonBody(body) {
  const text = body.toString('utf8').trim();
  if (!text) return {};
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'The request body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'INVALID_JSON', 'The request body must be a JSON object');
  return value;
}

/**
 * @param {Res} res @param {number} status @param {string} contentType @param {string | Buffer} body
 * @param {Record<string, string>} [headers]
 */
export function send(res, status, contentType, body, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...corsHeaders(res.req), 'Content-Type': contentType, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

/** @param {Res} res @param {number} status @param {unknown} value @param {Record<string, string>} [headers] */
export function sendJson(res, status, value, headers) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** The JSON services' error body: `{ code, message }` with the HTTP status. */
export function sendError(/** @type {Res} */ res, /** @type {HttpError} */ err) {
  sendJson(res, err.status, { code: err.code, message: err.message });
}

/** @param {string} text */
export const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The Bearer token of an Authorization header, if any. */
export function bearerToken(/** @type {Req} */ req) {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m ? m[1] : undefined;
}

/**
 * Reads a pager `{ pageSize, pageIndex }` (pageIndex is 1-based); numbers given as strings are fine.
 * @param {unknown} pager
 * @returns {{ offset: number, size: number }}
 */
export function readPager(pager) {
  const p = /** @type {Record<string, unknown>} */ (pager && typeof pager === 'object' ? pager : {});
  const size = p.pageSize === undefined ? 30 : Number(p.pageSize);
  const index = p.pageIndex === undefined ? 1 : Number(p.pageIndex);
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(index) || index < 1) {
    throw new HttpError(400, 'INVALID_PAGER', 'pager.pageSize and pager.pageIndex must be positive integers (pageIndex is 1-based)');
  }
  const clamped = Math.min(size, 500);
  return { offset: (index - 1) * clamped, size: clamped };
}

/**
 * A `{ totalCount, objects }` page of an array.
 * @template T
 * @param {T[]} items @param {{ offset: number, size: number }} page
 */
export const listPage = (items, { offset, size }) => ({ totalCount: items.length, objects: items.slice(offset, offset + size) });
