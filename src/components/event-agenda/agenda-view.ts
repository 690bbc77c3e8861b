import { type TemplateResult, html, nothing } from 'lit';
import type { AgendaEvent, AgendaSession } from '../../api/events.js';
import type { MessageKey } from '../../i18n/en.js';
import type { MessageParams } from '../../i18n/localize.js';
import type { Day, SessionState } from './agenda-model.js';

// The agenda's templates: the event's heading, and the days with their sessions. The element decides
// what to show and when (kal-event-agenda.ts); everything from the service is bound as text.

/** What the templates need from the element: its text, and its dates and times in the right zones. */
export interface AgendaText {
  t(key: MessageKey, params?: MessageParams): string;
  /** A day's heading, in the viewer's zone. */
  day(date: Date): string;
  /** Start and end in the viewer's zone. */
  times(start: Date, end: Date): string;
  /** Start and end in the event's zone, named; undefined when it is the viewer's. */
  eventTimes(start: Date, end: Date): string | undefined;
}

/** Guide 001 §6.1's session types; another type is shown as the service names it. */
const TYPES: Record<string, MessageKey> = {
  MeetingEntry: 'agenda.type.MeetingEntry',
  LiveWebcast: 'agenda.type.LiveWebcast',
  SimuLive: 'agenda.type.SimuLive',
  LiveKME: 'agenda.type.LiveKME',
  VirtualLearningRoom: 'agenda.type.VirtualLearningRoom',
};

const STATES: Partial<Record<SessionState, MessageKey>> = {
  soon: 'agenda.state.soon',
  live: 'agenda.state.live',
  ended: 'agenda.state.ended',
  cancelled: 'agenda.state.cancelled',
};

/** The event's name and description, a cancelled or ended notice, and the time-zone note when zones differ. */
export function renderHeader(text: AgendaText, event: AgendaEvent, ended: boolean, zoneNote: string | undefined): TemplateResult {
  const notice = event.status === 'cancelled' ? 'cancelled' : ended ? 'ended' : undefined;
  return html`<div class="head">
    <h3 class="title" part="title">${event.name}</h3>
    ${notice ? html`<p class="notice notice--${notice}" part="status">${text.t(notice === 'cancelled' ? 'agenda.cancelled' : 'agenda.ended')}</p>` : nothing}
    ${event.description ? html`<p class="event-description" part="event-description">${event.description}</p>` : nothing}
    ${zoneNote ? html`<p class="zone" part="zone">${zoneNote}</p>` : nothing}
  </div>`;
}

/** One heading per day, then that day's sessions as a list labelled by it. */
export function renderDays(
  text: AgendaText,
  days: Day[],
  stateOf: (session: AgendaSession) => SessionState,
  addToCalendar: (session: AgendaSession) => void,
): TemplateResult[] {
  return days.map(
    (day, dayIndex) => html`<h4 class="day" id="day-${dayIndex}" part="day">${text.day(day.date)}</h4>
      <ul class="sessions" part="list" role="list" aria-labelledby="day-${dayIndex}">
        ${day.sessions.map((session, index) => renderSession(text, session, stateOf(session), `${dayIndex}-${index}`, addToCalendar))}
      </ul>`,
  );
}

function renderSession(text: AgendaText, session: AgendaSession, state: SessionState, key: string, addToCalendar: (session: AgendaSession) => void): TemplateResult {
  const label = STATES[state];
  const type = session.type && (TYPES[session.type] ? text.t(TYPES[session.type]!) : session.type);
  const eventTimes = text.eventTimes(session.start, session.end);
  // Nothing to add once it is over or called off.
  const addable = state !== 'ended' && state !== 'cancelled';
  return html`<li class="session" part="session" data-session-id=${session.id} data-state=${state}>
    <div class="when">
      <p class="time" part="time">${text.times(session.start, session.end)}</p>
      ${eventTimes ? html`<p class="event-time" part="event-time">${text.t('agenda.eventTime', { time: eventTimes })}</p>` : nothing}
    </div>
    <div class="body">
      <p class="name" part="name" id="name-${key}">${session.name}</p>
      ${type || label
        ? html`<p class="meta">
            ${type ? html`<span class="type" part="type">${type}</span>` : nothing}
            ${label ? html`<span class="session-state session-state--${state}" part="state">${text.t(label)}</span>` : nothing}
          </p>`
        : nothing}
      ${session.description ? html`<p class="description" part="description">${session.description}</p>` : nothing}
      ${addable
        ? html`<button type="button" class="secondary add" part="add-to-calendar" aria-describedby="name-${key}" @click=${() => addToCalendar(session)}>
            ${text.t('agenda.addToCalendar')}
          </button>`
        : nothing}
    </div>
  </li>`;
}
