import { isObject, type Json } from './http.js';
import { invalidField } from './read-proxy.js';

/** The Events Platform reads the widgets use (guide 001, sections 5.2 and 6.3); nothing else goes through. */
export const EVENTS_PROXY_ACTIONS = ['events/list', 'sessions/list'] as const;
export type EventsProxyAction = (typeof EVENTS_PROXY_ACTIONS)[number];

/** Guide 001 §5.2: `pager.limit` is at most 15, so one read names at most 15 events. */
export const MAX_EVENTS_PER_READ = 15;
/** Guide 001 §5.2's `orderBy` values. */
const ORDER_BY = ['+startDate', '-startDate', '+createdAt', '-createdAt', '+name', '-name'];

/**
 * An event id: the guide's ids are integers (§5.1, §11). A browser may send one as a string of
 * digits (attributes are strings); the service is always sent the integer.
 */
export function readEventId(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The host's `eventIds` option, checked at start-up. */
export function readEventIdsOption(value: unknown, where: string): ReadonlySet<number> {
  const ids = Array.isArray(value) ? value.map(readEventId) : [];
  if (ids.length === 0 || ids.includes(undefined)) {
    throw new TypeError(`${where}: eventIds must be a non-empty array of event ids (integers), e.g. [56789]`);
  }
  return new Set(ids as number[]);
}

/** What a browser's `events/list` body asks for: which events (ids), and in which order. */
export interface EventsListRequest {
  ids: number[];
  orderBy?: string;
}

/**
 * Reads an `events/list` body: `filter.idIn` (default: every event the host serves, when that is
 * at most 15) and `orderBy`. Search terms, labels and pagers are not read: the ids pin the answer.
 */
export function readEventsListRequest(body: Json, served: ReadonlySet<number>): EventsListRequest {
  const { filter, orderBy } = body;
  if (filter != null && !isObject(filter)) throw invalidField('filter', 'an object');
  const idIn = filter?.idIn;
  let ids: number[];
  if (idIn == null) {
    if (served.size > MAX_EVENTS_PER_READ) throw invalidField('filter.idIn', `the events to read (this proxy serves more than ${MAX_EVENTS_PER_READ})`);
    ids = [...served];
  } else {
    const read = Array.isArray(idIn) ? idIn.map(readEventId) : [];
    if (read.length === 0 || read.length > MAX_EVENTS_PER_READ || read.includes(undefined)) {
      throw invalidField('filter.idIn', `an array of 1 to ${MAX_EVENTS_PER_READ} event ids (integers)`);
    }
    ids = [...new Set(read as number[])];
  }
  if (orderBy != null && !(typeof orderBy === 'string' && ORDER_BY.includes(orderBy))) throw invalidField('orderBy', `one of ${ORDER_BY.join(', ')}`);
  return { ids, ...(orderBy == null ? {} : { orderBy }) };
}

/** The `events/list` body sent upstream (guide 001 §5.2): the ids, one page that holds them all. */
export function eventsListBody({ ids, orderBy }: EventsListRequest): Json {
  return { filter: { idIn: ids }, pager: { offset: 0, limit: ids.length }, ...(orderBy ? { orderBy } : {}) };
}

/** Reads a `sessions/list` body: its `eventId` (guide 001 §6.3), required. */
export function readSessionsListEventId(body: Json): number {
  const eventId = readEventId(body.eventId);
  if (eventId === undefined) throw invalidField('eventId', 'an event id (an integer)');
  return eventId;
}
