import { postJson } from './client.js';
import type { ApiContext } from './context.js';
import { KalError } from './errors.js';
import { eventsBase } from './regions.js';
import * as z from 'zod/mini';
import { type Infer, id, optionalText, toDate } from './schema.js';

// Virtual Events Platform guide (001): `events/list` filtered by id (5.2) and `sessions/list` (6.3), POST
// JSON through the host's Events proxy (the service takes only an ADMIN KS with a user id, section 2).
// Speakers (6.4) have no documented path or answer, so they are not read.

/** Guide 001 §9. */
export type EventStatus = 'draft' | 'scheduled' | 'live' | 'ended' | 'cancelled';

const eventSchema = z.object({
  id,
  name: z.string(),
  status: optionalText,
  timezone: optionalText,
  description: optionalText,
});

const sessionSchema = z.object({
  id,
  name: z.string(),
  type: optionalText,
  startDate: z.string(),
  endDate: optionalText,
  description: optionalText,
  visibility: optionalText,
});

export interface AgendaEvent {
  id: string;
  name: string;
  /** One of the guide's statuses; undefined when the service sends none or another. */
  status?: Exclude<EventStatus, 'draft'>;
  /** The event's IANA time zone, when the service names one this browser knows. */
  timeZone?: string;
  description?: string;
}

export interface AgendaSession {
  id: string;
  name: string;
  /** Guide 001 §6.1's types (`LiveWebcast`, `MeetingEntry`, …), as sent. */
  type?: string;
  start: Date;
  end: Date;
  description?: string;
}

export interface Agenda {
  event: AgendaEvent;
  /** Published sessions, by start. */
  sessions: AgendaSession[];
}

const SHOWN_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const;

/**
 * An event and its published sessions, read side by side (one round trip). A draft, or an event the
 * answer does not hold, is `not-found`: a draft is "created but not published" (§9) and is never shown,
 * whatever the backend lets through.
 */
export async function getAgenda(api: ApiContext, eventId: number): Promise<Agenda> {
  const base = eventsBase(api.urls);
  const [events, sessions] = await Promise.all([
    postJson({
      ...api,
      url: `${base}/events/list`,
      body: { filter: { idIn: [eventId] }, pager: { offset: 0, limit: 1 } },
      schema: z.object({ events: z.array(eventSchema) }),
      dedupe: true,
    }),
    postJson({ ...api, url: `${base}/sessions/list`, body: { eventId }, schema: z.object({ sessions: z.array(sessionSchema) }), dedupe: true }),
  ]);
  const raw = events.events.find((event) => String(event.id) === String(eventId));
  if (!raw || raw.status === 'draft') throw new KalError('not-found', `event ${eventId} is not published, or not there`);
  return {
    event: {
      id: String(raw.id),
      name: raw.name,
      status: SHOWN_STATUSES.find((status) => status === raw.status),
      timeZone: knownTimeZone(raw.timezone),
      description: raw.description,
    },
    sessions: sessions.sessions
      // §6.2: `published` is the default; `unlisted` and `private` sessions are not for an agenda.
      .filter((session) => (session.visibility ?? 'published') === 'published')
      .flatMap(toSession)
      .sort((a, b) => a.start.getTime() - b.start.getTime()),
  };
}

/** A session the agenda can place: an unreadable start leaves it out; a missing or earlier end is its start. */
function toSession(raw: Infer<typeof sessionSchema>): AgendaSession[] {
  const start = toDate(raw.startDate);
  if (!start) return [];
  const end = toDate(raw.endDate);
  return [
    {
      id: String(raw.id),
      name: raw.name,
      type: raw.type,
      start,
      end: end && end > start ? end : start,
      description: raw.description,
    },
  ];
}

/** An IANA zone this browser can format in, or undefined. */
function knownTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
