// @ts-check
/**
 * The Events Platform at /sandbox/events-api/api/v1/{controller}/{action}: the reads the widgets
 * need, as the Events Platform guide describes them (sections 2, 3, 5.2, 6.3, 9, 11). Every call
 * needs an ADMIN KS with a user id; each read takes only its documented fields.
 */
import { plannedAt, seededEvents } from './events-data.js';
import { HttpError } from './http.js';
import { KS_TYPE_ADMIN } from './ks.js';

/** @typedef {import('./ks.js').KsInfo} KsInfo */
/** @typedef {import('./world.js').World} World */
/** @typedef {import('./events-data.js').SeededEvent} SeededEvent */
/** @typedef {import('./events-data.js').EventEntity} EventEntity */

/** Guide §5.2: "Max results to return (max 15)". */
const MAX_LIMIT = 15;

/** Guide §5.2's orderBy values: the field and its direction. */
/** @type {Record<string, [keyof EventEntity, 1 | -1]>} */
const ORDER_BY = {
  '+startDate': ['startDate', 1], '-startDate': ['startDate', -1],
  '+createdAt': ['createdAt', 1], '-createdAt': ['createdAt', -1],
  '+name': ['name', 1], '-name': ['name', -1],
};

/** The guide's write actions: known, but the sandbox is read-only. */
const WRITES = new Set(['events/create', 'events/update', 'events/delete', 'events/duplicate', 'sessions/create']);

const invalid = (/** @type {string} */ message) => new HttpError(400, 'INVALID_REQUEST', message);

/** An integer id (guide §11: "Event IDs are integers"). @param {unknown} value @param {string} field */
function integerId(value, field) {
  if (!Number.isSafeInteger(value)) throw invalid(`"${field}" must be an integer`);
  return /** @type {number} */ (value);
}

/** A non-negative integer pager field, or its default. @param {unknown} value @param {string} field @param {number} fallback */
function pagerInt(value, field, fallback) {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || /** @type {number} */ (value) < 0) throw new HttpError(400, 'INVALID_PAGER', `"pager.${field}" must be a non-negative integer`);
  return /** @type {number} */ (value);
}

/** @param {unknown} value @param {string} field */
function objectField(value, field) {
  if (value === undefined) return {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid(`"${field}" must be an object`);
  return /** @type {Record<string, unknown>} */ (value);
}

/**
 * events/list (§5.2): `filter.searchTerm` (name and description, any case), `filter.labels` (any of
 * them), `filter.idIn`, `pager.offset` (default 0), `pager.limit` (1 to 15, default 15), `orderBy`
 * (default: by id). Drafts are listed: an ADMIN KS sees every event.
 * @param {Record<string, unknown>} body @param {SeededEvent[]} events
 */
function listEvents(body, events) {
  const filter = objectField(body.filter, 'filter');
  const pager = objectField(body.pager, 'pager');
  const { searchTerm, labels, idIn } = filter;
  if (searchTerm !== undefined && typeof searchTerm !== 'string') throw invalid('"filter.searchTerm" must be a string');
  if (labels !== undefined && !(Array.isArray(labels) && labels.every((l) => typeof l === 'string'))) throw invalid('"filter.labels" must be an array of strings');
  if (idIn !== undefined && !Array.isArray(idIn)) throw invalid('"filter.idIn" must be an array of event ids');
  const ids = idIn?.map((id) => integerId(id, 'filter.idIn'));
  const offset = pagerInt(pager.offset, 'offset', 0);
  const limit = pagerInt(pager.limit, 'limit', MAX_LIMIT);
  if (limit < 1 || limit > MAX_LIMIT) throw new HttpError(400, 'INVALID_PAGER', `"pager.limit" must be from 1 to ${MAX_LIMIT}`);
  if (body.orderBy !== undefined && !Object.hasOwn(ORDER_BY, String(body.orderBy))) throw invalid(`"orderBy" must be one of ${Object.keys(ORDER_BY).join(', ')}`);
  const order = body.orderBy === undefined ? undefined : ORDER_BY[String(body.orderBy)];

  const term = searchTerm?.toLowerCase();
  const found = events
    .map((e) => e.event)
    .filter((e) => (!ids || ids.includes(e.id))
      && (!term || `${e.name}\n${e.description}`.toLowerCase().includes(term))
      && (!labels || labels.some((l) => e.labels.includes(/** @type {string} */ (l)))));
  if (order) {
    const [field, direction] = order;
    found.sort((a, b) => direction * String(a[field]).localeCompare(String(b[field])) || a.id - b.id);
  }
  return { events: found.slice(offset, offset + limit), totalCount: found.length };
}

/** sessions/list (§6.3): every session of one event, by start. @param {Record<string, unknown>} body @param {SeededEvent[]} events */
function listSessions(body, events) {
  if (body.eventId === undefined) throw new HttpError(400, 'MISSING_FIELD', '"eventId" is required');
  const eventId = integerId(body.eventId, 'eventId');
  const found = events.find((e) => e.event.id === eventId);
  if (!found) throw new HttpError(404, 'EVENT_NOT_FOUND', `Event ${eventId} was not found`);
  return { sessions: [...found.sessions].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id) };
}

/** @type {Record<string, (body: Record<string, unknown>, events: SeededEvent[]) => unknown>} */
const READS = { 'events/list': listEvents, 'sessions/list': listSessions };

/**
 * @param {{ body: Record<string, any>, authenticate: () => { ks: KsInfo, world: World } }} ctx
 * @param {string} action `controller/action`
 */
export function handleEvents(ctx, action) {
  const read = Object.hasOwn(READS, action) ? READS[action] : undefined;
  if (!read && !WRITES.has(action)) throw new HttpError(404, 'ACTION_NOT_FOUND', `The sandbox does not implement "${action}"`);
  const { ks, world } = ctx.authenticate();
  // §2/§3: "ADMIN KS (type=2) with a userId set"; §11: 401 says to mint one with a userId, 403 to use an ADMIN KS.
  if (!ks.userId) throw new HttpError(401, 'KS_USER_ID_REQUIRED', 'The Events Platform needs a KS with a userId');
  if (ks.type !== KS_TYPE_ADMIN) throw new HttpError(403, 'ADMIN_KS_REQUIRED', `The Events Platform needs an ADMIN KS (type=2); this KS is type ${ks.type}`);
  if (!read) throw new HttpError(403, 'READ_ONLY', `The sandbox's Events Platform is read-only: "${action}" is refused`);
  const now = Date.now();
  return read(ctx.body, seededEvents(plannedAt(world, now), now));
}
