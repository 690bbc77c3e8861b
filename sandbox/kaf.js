// @ts-check
/**
 * KAF embedded rooms at /sandbox/kaf/embeddedrooms/index/...: `create-room` (JSON envelope, ADMIN KS)
 * and `view-room` (an HTML page standing in for the room, KS authentication), as the KAF rooms guide
 * describes them.
 */
import { SEEDED_ROOM, hash32 } from './data.js';
import { HttpError, escapeHtml, parseJsonBody, send, sendJson } from './http.js';
import { KS_TYPE_ADMIN, checkKs } from './ks.js';
import { expiredOnDemand } from './sessions.js';

/** @typedef {import('./world.js').World} World */
/** @typedef {import('./world.js').Room} Room */
/** @typedef {import('./http.js').Res} Res */

/** The room page needs no script and only its own stylesheet; its URL holds a KS, so no Referer leaves it. */
const PAGE_HEADERS = { 'Content-Security-Policy': "default-src 'none'; style-src 'self'", 'Referrer-Policy': 'no-referrer' };

/** KAF answers its own errors inside an envelope, with HTTP 200 (a rejected KS also gets a 401). */
class KafError extends Error {
  /** @param {'invalidRequest' | 'invalidConfiguration' | 'internalError'} errorCode @param {string} message @param {number} [status] */
  constructor(errorCode, message, status = 200) {
    super(message);
    this.errorCode = errorCode;
    this.status = status;
  }
}

/** The KAF envelope for an error. */
export const kafErrorBody = (/** @type {string} */ errorCode, /** @type {string} */ error) => ({ success: false, errorCode, error });

/** @param {Record<string, unknown>} body @param {string} field */
function optionalString(body, field) {
  const value = body[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new KafError('invalidRequest', `Parameter "${field}" must be a string`);
  return value;
}

/** @param {Record<string, unknown>} body @param {string} field */
function optionalIds(body, field) {
  const value = body[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new KafError('invalidRequest', `Parameter "${field}" must be an array of user ids`);
  return value;
}

/** Room ids look like Kaltura entry ids; derived from the partner and a counter so runs repeat. */
function nextRoomId(/** @type {World} */ world) {
  for (let n = world.rooms.size; ; n++) {
    const id = '1_' + hash32(`room:${world.partnerId}:${n}`).toString(36).padStart(8, '0').slice(-8);
    if (!world.rooms.has(id) && id !== SEEDED_ROOM.id) return id;
  }
}

/**
 * @param {{ method: string, body: Buffer, world?: World, setUserId: (id: string) => void }} ctx
 * @returns {{ id: string }}
 */
function createRoom({ method, body, world, setUserId }) {
  if (method !== 'POST') throw new KafError('invalidRequest', 'create-room must be a POST with a JSON body', 405);
  /** @type {Record<string, unknown>} */
  let params;
  try {
    params = parseJsonBody(body);
  } catch {
    throw new KafError('invalidRequest', 'The request body must be a JSON object');
  }
  if (!params.ks) throw new KafError('invalidRequest', 'Mandatory parameter "ks" is missing');
  const check = checkKs(String(params.ks));
  if (!check.ok || !world) throw new KafError('invalidRequest', 'The KS is invalid or expired', 401);
  setUserId(check.ks.userId);
  if (world.switches.kafMisconfigured) throw new KafError('invalidConfiguration', 'This KAF instance is not configured for embedded meeting rooms');
  if (check.ks.type !== KS_TYPE_ADMIN) throw new KafError('invalidRequest', 'admin KS required: create-room needs a KS of type 2');
  const name = params.name;
  if (typeof name !== 'string' || !name.trim()) throw new KafError('invalidRequest', 'Mandatory parameter "name" is missing');
  /** @type {Room} */
  const room = {
    id: nextRoomId(world), name, description: optionalString(params, 'description'), tags: optionalString(params, 'tags'),
    templateRoomEntryId: optionalString(params, 'templateRoomEntryId'),
    roomModeratorUserIds: optionalIds(params, 'roomModeratorUserIds'), chatModeratorUserIds: optionalIds(params, 'chatModeratorUserIds'),
    ownerUserId: check.ks.userId, createdAt: new Date().toISOString(),
  };
  world.rooms.set(room.id, room);
  return { id: room.id };
}

/**
 * KAF passes parameters as `/name/value` path pairs after the action: `/ks/{ks}/entryId/{id}`.
 * @param {string[]} segments
 */
function pathParams(segments) {
  /** @type {Record<string, string>} */
  const params = {};
  for (let i = 0; i + 1 < segments.length; i += 2) {
    const raw = segments[i + 1];
    try {
      params[segments[i]] = decodeURIComponent(raw);
    } catch {
      params[segments[i]] = raw; // a stray '%': keep the segment as it came
    }
  }
  return params;
}

/** The view-room KS: a path segment (KS-auth KAF instances) or, leniently, a `?ks=` query parameter. */
export function viewRoomKs(/** @type {string[]} */ segments, /** @type {URL} */ url) {
  return pathParams(segments).ks ?? url.searchParams.get('ks') ?? undefined;
}

/**
 * @param {string} title @param {string} main the `<main>` element
 */
const page = (title, main) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/sandbox/assets/room.css">
</head>
<body>
${main}
</body>
</html>
`;

/** The room's error page; tests read `data-status` and `data-error-code`. */
export const errorPage = (/** @type {number} */ status, /** @type {string} */ code, /** @type {string} */ message) =>
  page('Room unavailable', `<main id="room-error" data-status="${status}" data-error-code="${escapeHtml(code)}">
<h1>Cannot open the room</h1>
<p>${escapeHtml(message)}</p>
</main>`);

/** @param {Res} res @param {number} status @param {string} code @param {string} message */
const sendErrorPage = (res, status, code, message) => send(res, status, 'text/html; charset=utf-8', errorPage(status, code, message), PAGE_HEADERS);

/**
 * Entry id and roles come from the KS privileges (KS authentication, per the guide); a `/entryId/{id}`
 * path pair or `?entryId=` is the fallback when the KS does not name the room.
 * @param {{ res: Res, url: URL, world?: World, setUserId: (id: string) => void }} ctx
 * @param {string[]} segments
 */
function viewRoom(ctx, segments) {
  const { res, url, world } = ctx;
  const given = viewRoomKs(segments, url);
  const check = checkKs(given);
  const expired = check.ok ? Boolean(world && expiredOnDemand(world, /** @type {string} */ (given), check.ks)) : check.reason === 'expired';
  if (!check.ok || !world || expired) {
    sendErrorPage(res, 401, expired ? 'expiredKs' : 'invalidKs', 'Your session is invalid or has expired. Reload to get a new one.');
    return;
  }
  const { ks } = check;
  ctx.setUserId(ks.userId);
  const entryId = ks.privileges.entryId || pathParams(segments).entryId || url.searchParams.get('entryId') || '';
  if (!entryId) return sendErrorPage(res, 400, 'missingEntryId', 'No room was given (entryId).');
  const room = entryId === SEEDED_ROOM.id ? SEEDED_ROOM : world.rooms.get(entryId);
  if (!room) return sendErrorPage(res, 404, 'roomNotFound', `Room "${entryId}" does not exist.`);
  const moderator = ks.privileges.roomModerator === '1' || room.roomModeratorUserIds.includes(ks.userId);
  const chatModerator = ks.privileges.chatModerator === '1' || room.chatModeratorUserIds.includes(ks.userId);
  const role = moderator ? 'moderator' : 'participant';
  world.joins.push({ entryId, userId: ks.userId, role, chatModerator, at: new Date().toISOString() });
  const main = `<main id="room" data-entry-id="${escapeHtml(entryId)}" data-user-id="${escapeHtml(ks.userId)}" data-role="${role}" data-chat-moderator="${chatModerator}">
<h1>Room: ${escapeHtml(room.name)}</h1>
<p>User: ${escapeHtml(ks.userId)}</p>
<p>Role: ${role}</p>
<p>Chat moderator: ${chatModerator ? 'yes' : 'no'}</p>
<p class="note">Kaltura sandbox: a stand-in for the meeting room. No camera or microphone is used.</p>
</main>`;
  send(res, 200, 'text/html; charset=utf-8', page(`${room.name} · Kaltura Room (sandbox)`, main), PAGE_HEADERS);
}

/**
 * @param {{ method: string, body: Buffer, url: URL, res: Res, world?: World, setUserId: (id: string) => void, hang: () => void }} ctx
 * @param {string} rest the path after /embeddedrooms/index/
 */
export function handleKaf(ctx, rest) {
  const [action, ...segments] = rest.split('/');
  if (action === 'view-room') {
    if (ctx.method !== 'GET') return sendErrorPage(ctx.res, 405, 'methodNotAllowed', 'view-room is opened with GET');
    if (ctx.world?.switches.roomHang) return ctx.hang();
    return viewRoom(ctx, segments);
  }
  if (action !== 'create-room') throw new HttpError(404, 'ACTION_NOT_FOUND', `The sandbox does not implement "${action}"`);
  try {
    sendJson(ctx.res, 200, { success: true, data: createRoom(ctx) });
  } catch (err) {
    if (!(err instanceof KafError)) throw err;
    sendJson(ctx.res, err.status, kafErrorBody(err.errorCode, err.message));
  }
}
