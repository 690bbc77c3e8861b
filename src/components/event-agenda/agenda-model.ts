import type { Agenda, AgendaSession } from '../../api/events.js';

// What the agenda shows at a given moment: each session's state by the clock, the days sessions fall
// on in the viewer's time zone, and the next moment any of it changes. No DOM, no fetching.

/** A session as the clock sees it; `cancelled` when its event is. */
export type SessionState = 'upcoming' | 'soon' | 'live' | 'ended' | 'cancelled';

/** How long before its start a session reads "Starting soon". */
export const SOON_MS = 15 * 60_000;

/** Whether the event is over: the service says so, or every session has ended by the clock. */
export function eventEnded(agenda: Agenda, now: number): boolean {
  if (agenda.event.status === 'cancelled') return false;
  return agenda.event.status === 'ended' || (agenda.sessions.length > 0 && agenda.sessions.every((session) => session.end.getTime() <= now));
}

export function sessionState(agenda: Agenda, session: AgendaSession, now: number): SessionState {
  if (agenda.event.status === 'cancelled') return 'cancelled';
  if (agenda.event.status === 'ended' || session.end.getTime() <= now) return 'ended';
  if (session.start.getTime() <= now) return 'live';
  return session.start.getTime() - now <= SOON_MS ? 'soon' : 'upcoming';
}

/** The next moment after `now` at which a session's state changes (undefined: none will). */
export function nextChange(agenda: Agenda, now: number): number | undefined {
  if (agenda.event.status === 'cancelled' || agenda.event.status === 'ended') return undefined;
  const moments = agenda.sessions.flatMap((session) => [session.start.getTime() - SOON_MS, session.start.getTime(), session.end.getTime()]);
  const future = moments.filter((moment) => moment > now);
  return future.length ? Math.min(...future) : undefined;
}

export interface Day {
  /** The calendar date in the viewer's zone, `YYYY-MM-DD`. */
  key: string;
  /** A moment on that date (its first session's start), for its heading. */
  date: Date;
  sessions: AgendaSession[];
}

/** Sessions (already by start) grouped by the calendar date they start on in `timeZone`. */
export function groupByDay(sessions: AgendaSession[], timeZone: string): Day[] {
  // en-CA writes dates as YYYY-MM-DD: a sortable key, whatever the page's language.
  const dateOf = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const days: Day[] = [];
  for (const session of sessions) {
    const key = dateOf.format(session.start);
    const day = days.find((each) => each.key === key);
    if (day) day.sessions.push(session);
    else days.push({ key, date: session.start, sessions: [session] });
  }
  return days;
}

/** The browser's own time zone (the viewer's). */
export const viewerTimeZone = (): string => new Intl.DateTimeFormat().resolvedOptions().timeZone;
