import { eventsListBody, readEventIdsOption, readEventsListRequest, readSessionsListEventId, type EventsProxyAction } from './events-bodies.js';
import { isObject, type AuthenticatedUser, type Json } from './http.js';
import { readProxy, serviceUrlOption, type ReadAction, type ReadProxyOptions, type Shown } from './read-proxy.js';
import { TtlCache, sharedRead } from './ttl-cache.js';
import { ServiceUpstream, failure, type UpstreamFailure } from './upstream.js';

export { EVENTS_PROXY_ACTIONS, type EventsProxyAction } from './events-bodies.js';

export interface EventsProxyOptions<U extends AuthenticatedUser = AuthenticatedUser> extends ReadProxyOptions<U> {
  /** Events Platform base, e.g. `https://events-api.nvp1.ovp.kaltura.com/api/v1` (guide 001 §4). */
  eventsUrl: string;
  /**
   * The events pages may read (integers, as the Events Platform numbers them). Nothing else can be
   * listed, so a browser cannot enumerate the partner's events. A draft among them stays hidden
   * until it is published.
   */
  eventIds: ReadonlyArray<number | string>;
  /** How long an event's status is reused before its sessions are listed, in ms (default 60 000). */
  eventCacheMs?: number;
}

/**
 * Event statuses a viewer may see (guide 001 §9). `draft` is "created but not published"; a status
 * the guide does not list might be one too, so only these pass.
 */
const SHOWN_STATUSES = new Set(['scheduled', 'live', 'ended', 'cancelled']);

type EventStatus = { ok: true; status: string | undefined } | UpstreamFailure;

/**
 * A read-only Events Platform proxy (guide 001: the service takes only an ADMIN KS with a userId,
 * which must stay on the server). Mount it under a path (e.g. `/api/events/`): the last two path
 * segments are `events/list` or `sessions/list`. `events/list` reads only the events in `eventIds`
 * and never answers a draft; `sessions/list` lists the published sessions of one of those events,
 * once it is published.
 */
export function createEventsProxy<U extends AuthenticatedUser = AuthenticatedUser>(
  options: EventsProxyOptions<U>,
): (request: Request) => Promise<Response> {
  const where = 'createEventsProxy';
  const { adminKs, timeoutMs = 15_000, eventCacheMs = 60_000 } = options;
  const eventsUrl = serviceUrlOption(options.eventsUrl, where, 'eventsUrl', 'https://events-api.nvp1.ovp.kaltura.com/api/v1');
  const served = readEventIdsOption(options.eventIds, where);
  const upstream = new ServiceUpstream('Events Platform', eventsUrl, adminKs, options.fetch, timeoutMs);
  // Whether an event may show its sessions: one read per event at a time, reused for eventCacheMs.
  const statuses = new TtlCache<Promise<EventStatus>>(eventCacheMs, Math.max(served.size, 1));

  const notServed = (ids: number[]): UpstreamFailure | undefined => {
    const unserved = ids.find((id) => !served.has(id));
    return unserved === undefined ? undefined : failure(403, 'EVENT_NOT_ALLOWED', `event ${unserved} is not served by this proxy`);
  };

  /** The events asked for that a viewer may see; the status of each is remembered. */
  async function listEvents(ids: number[], orderBy: string | undefined, signal: AbortSignal): Promise<Shown> {
    const result = await upstream.call('events/list', eventsListBody({ ids, orderBy }), signal);
    if (!result.ok) return result;
    const { data } = result;
    if (!isObject(data) || !Array.isArray(data.events)) return failure(502, 'UPSTREAM_INVALID_RESPONSE', 'Events Platform answered with an unexpected shape');
    const events = data.events.filter((event): event is Json => isObject(event) && ids.includes(event.id as number));
    for (const id of ids) {
      const status = events.find((event) => event.id === id)?.status;
      statuses.set(String(id), Promise.resolve({ ok: true, status: typeof status === 'string' ? status : undefined }));
    }
    const shown = events.filter((event) => SHOWN_STATUSES.has(event.status as string));
    return { ok: true, data: { events: shown, totalCount: shown.length }, retryAfter: result.retryAfter };
  }

  /** An event's status, read once for every request waiting on it (not tied to one request's signal). */
  const statusOf = (id: number): Promise<EventStatus> =>
    sharedRead(statuses, String(id), async () => {
      const result = await upstream.call('events/list', eventsListBody({ ids: [id] }), AbortSignal.timeout(timeoutMs));
      if (!result.ok) return result;
      const event = isObject(result.data) && Array.isArray(result.data.events) ? result.data.events.find((e) => isObject(e) && e.id === id) : undefined;
      return { ok: true, status: isObject(event) && typeof event.status === 'string' ? event.status : undefined };
    }, (status) => status.ok);

  const actions: Record<EventsProxyAction, ReadAction> = {
    'events/list': async (body, _viewer, request) => {
      const { ids, orderBy } = readEventsListRequest(body, served);
      return notServed(ids) ?? listEvents(ids, orderBy, request.signal);
    },
    'sessions/list': async (body, _viewer, request) => {
      const eventId = readSessionsListEventId(body);
      const refused = notServed([eventId]);
      if (refused) return refused;
      const event = await statusOf(eventId);
      if (!event.ok) return event;
      // A draft's sessions are as unpublished as the draft: it reads as no event at all.
      if (!SHOWN_STATUSES.has(event.status as string)) return failure(404, 'EVENT_NOT_FOUND', `there is no event ${eventId}`);
      const result = await upstream.call('sessions/list', { eventId }, request.signal);
      if (!result.ok) return result;
      const { data } = result;
      if (!isObject(data) || !Array.isArray(data.sessions)) return failure(502, 'UPSTREAM_INVALID_RESPONSE', 'Events Platform answered with an unexpected shape');
      // Guide 001 §6.2: `published` is the default; `unlisted` and `private` sessions are not for an agenda.
      const sessions = data.sessions.filter((session) => isObject(session) && (session.visibility ?? 'published') === 'published');
      return { ok: true, data: { sessions }, retryAfter: result.retryAfter };
    },
  };
  return readProxy(where, options, upstream, actions);
}
