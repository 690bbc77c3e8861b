import { type PropertyDeclarations, type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { KalError, toKalError } from '../../api/errors.js';
import { type Agenda, type AgendaSession, getAgenda } from '../../api/events.js';
import { agendaMessages } from '../../i18n/elements/event-agenda.js';
import { ClockController } from '../shared/clock-controller.js';
import { DataController, sameArgs } from '../shared/data-controller.js';
import { KalElement } from '../shared/kal-element.js';
import { noteStyles } from '../shared/note.js';
import { themeStyles } from '../shared/theme.styles.js';
import { eventEnded, groupByDay, nextChange, sessionState, viewerTimeZone } from './agenda-model.js';
import { type AgendaText, renderDays, renderHeader } from './agenda-view.js';
import { calendarFile, calendarFileName, downloadCalendarFile } from './calendar-file.js';
import { eventAgendaStyles } from './kal-event-agenda.styles.js';

/** What one load produced, with the inputs it was loaded for. */
interface AgendaData {
  args: readonly unknown[];
  agenda: Agenda;
}

/**
 * @summary An event's agenda from the Kaltura Events Platform: its published sessions by day, in the
 * viewer's time zone, with "Live now" and "Starting soon" as the clock moves, and "Add to calendar".
 *
 * Attributes: `event-id` (the event's id, a whole number), plus the kit's common attributes
 * (`partner-id`, `region`, `events-url`, `token-endpoint`, `theme`). The Events Platform takes only an
 * ADMIN KS, so the element reads it through the host's Events proxy (`createEventsProxy`, at
 * `events-url` or `configure({ serviceUrls: { events } })`); without one it shows a set-up state and
 * sends nothing.
 *
 * Sessions are the event's `published` ones (guide 001 §6.2), grouped under a heading per day in the
 * viewer's time zone; when the event's zone differs, a note names both and each session also shows
 * its time in the event's zone. A session's state follows the clock without a reload: "Starting soon"
 * 15 minutes before it starts, "Live now" until it ends, then "Ended". A draft event is never shown
 * (it reads as not found); a cancelled one is marked, and so is one that has ended. "Add to calendar"
 * downloads one session as an `.ics` file (UTC times) made in the browser, without a request.
 *
 * Speakers are not shown: guide 001 lists "List Speakers for a Session" (§6.4) without its path or
 * answer, so there is nothing documented to read.
 *
 * @fires kal-load - The agenda is on screen (`detail.count`: how many sessions). Once per load.
 * @fires kal-error - Loading failed, or `event-id` is unusable (`code: 'config'`): `{ code, message, retryable }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The event's name.
 * @csspart status - "This event has been cancelled." / "This event has ended."
 * @csspart event-description - The event's description.
 * @csspart zone - The note naming the viewer's and the event's time zones, when they differ.
 * @csspart note - The quiet note after a failed `refresh()`.
 * @csspart day - A day's heading.
 * @csspart list - A day's list of sessions.
 * @csspart session - One session; `data-state` is `upcoming`, `soon`, `live`, `ended` or `cancelled`.
 * @csspart time - The session's start and end in the viewer's zone.
 * @csspart event-time - The session's start and end in the event's zone (when it differs).
 * @csspart name - The session's name.
 * @csspart type - The session's type (live webcast, interactive room, …).
 * @csspart state - "Starting soon", "Live now", "Ended" or "Cancelled".
 * @csspart description - The session's description.
 * @csspart add-to-calendar - The "Add to calendar" button.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button.
 *
 * @cssprop --kal-agenda-time-width - Width of the time column on wide layouts (default 10rem).
 * @cssprop --kal-color-surface - Session background.
 * @cssprop --kal-color-accent - "Starting soon", focus ring.
 * @cssprop --kal-color-success - "Live now".
 * @cssprop --kal-color-danger - The cancelled notice.
 * @cssprop --kal-color-muted - Secondary text (times in the event's zone, types, descriptions).
 * @cssprop --kal-color-border - Session borders.
 */
export class KalEventAgenda extends KalElement {
  static override styles = [themeStyles, noteStyles, eventAgendaStyles];
  static override messages = agendaMessages;
  static override properties: PropertyDeclarations = {
    eventId: { attribute: 'event-id' },
    view: { state: true },
    announcement: { state: true },
  };

  /** The event's id (guide 001: an integer). */
  eventId?: string;

  private view: AgendaData | undefined;
  private announcement = '';
  /** Sessions live at the last render, to announce the ones that go live while the page is open. */
  #live: ReadonlySet<string> | undefined;
  /** The moment this render shows (set in willUpdate). */
  #now = Date.now();

  readonly #data = new DataController<AgendaData>(this, {
    args: () => this.#args(),
    refreshing: () => !!this.#current(),
    load: async (args, { signal }) => ({ args, agenda: await getAgenda(this.api(signal), readEventId(args[0])) }),
    apply: (data, refreshing) => {
      this.view = data;
      if (!refreshing) this.loaded(data.agenda.sessions.length);
    },
    report: (error) => this.reportError(error),
  });

  constructor() {
    super();
    new ClockController(this, (now) => {
      const agenda = this.#current()?.agenda;
      return agenda && nextChange(agenda, now);
    });
  }

  /**
   * Reads the event and its sessions again now, keeping the agenda on screen until the answer arrives
   * (and after a failure, with a note). Resolves once the result is rendered; never rejects.
   */
  refresh(): Promise<void> {
    return this.#data.refresh();
  }

  /** What the data depends on. */
  #args(): unknown[] {
    return [this.eventId, ...this.settingsKey()];
  }

  /** The last good data, when it was loaded for the current inputs. */
  #current(): AgendaData | undefined {
    return this.view && sameArgs(this.view.args, this.#args()) ? this.view : undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#now = Date.now();
    const agenda = this.#current()?.agenda;
    const live = new Set(agenda?.sessions.filter((session) => sessionState(agenda, session, this.#now) === 'live').map((session) => session.id));
    // Only the clock's changes are announced: not what a load, a refresh or another event shows first.
    if (agenda && this.#live && !changed.has('view')) {
      const started = agenda.sessions.filter((session) => live.has(session.id) && !this.#live!.has(session.id));
      if (started.length) this.announcement = started.map((session) => this.t('agenda.announceLive', { name: session.name })).join(' ');
    }
    this.#live = agenda ? live : undefined;
  }

  #addToCalendar(agenda: Agenda, session: AgendaSession): void {
    const file = calendarFile({
      uid: `kaltura-event-${agenda.event.id}-session-${session.id}@kaltura-widgets`,
      start: session.start,
      end: session.end,
      summary: session.name,
      description: [agenda.event.name, session.description].filter(Boolean).join('\n\n'),
      stamp: new Date(Date.now()),
    });
    downloadCalendarFile(calendarFileName(session.name), file);
  }

  /** Dates and times for the templates, formatted for this render's language and zones. */
  #text(eventZone: string | undefined, viewerZone: string): AgendaText {
    const locale = this.locale;
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: viewerZone });
    const times = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: viewerZone });
    const eventTimes =
      eventZone && eventZone !== viewerZone
        ? new Intl.DateTimeFormat(locale, { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: eventZone })
        : undefined;
    return {
      t: (key, params) => this.t(key, params),
      day: (date) => day.format(date),
      times: (start, end) => times.formatRange(start, end),
      eventTimes: (start, end) => eventTimes?.formatRange(start, end),
    };
  }

  /** "Times are in your time zone (…). The event's time zone is …", when they differ. */
  #zoneNote(eventZone: string | undefined, viewerZone: string): string | undefined {
    if (!eventZone || eventZone === viewerZone) return undefined;
    const name = (timeZone: string) =>
      new Intl.DateTimeFormat(this.locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(this.#now).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
    return this.t('agenda.zoneNote', { viewer: name(viewerZone), event: name(eventZone) });
  }

  // ------------------------------------------------------------------ rendering

  override render(): TemplateResult {
    return html`<div class="root" part="base" dir=${this.direction} lang=${this.locale}>
      ${this.#renderContent()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  #renderContent(): TemplateResult | TemplateResult[] {
    const agenda = this.#current()?.agenda;
    const { failure } = this.#data;
    if (!agenda) {
      if (failure === undefined) return this.renderLoading();
      const notFound = toKalError(failure).code === 'not-found';
      return this.renderError(failure, () => this.#data.retry(), notFound ? this.t('agenda.notFound', { id: `\u2068${this.eventId}\u2069` }) : undefined);
    }
    const now = this.#now;
    const viewerZone = viewerTimeZone();
    const eventZone = agenda.event.timeZone;
    const text = this.#text(eventZone, viewerZone);
    return html`${renderHeader(text, agenda.event, eventEnded(agenda, now), this.#zoneNote(eventZone, viewerZone))}
      ${this.#data.staleSince !== undefined ? this.renderStale(this.t('agenda.stale'), () => void this.refresh()) : nothing}
      ${agenda.sessions.length === 0
        ? this.renderEmpty(this.t('agenda.empty'))
        : renderDays(
            text,
            groupByDay(agenda.sessions, viewerZone),
            (session) => sessionState(agenda, session, now),
            (session) => this.#addToCalendar(agenda, session),
          )}`;
  }
}

/** `event-id` as the guide's integer id; anything else is a set-up error (nothing is sent). */
function readEventId(value: unknown): number {
  const raw = typeof value === 'string' ? value.trim() : '';
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new KalError('config', raw ? `kal-event-agenda: event-id must be an event id (a positive whole number), not "${raw.slice(0, 64)}"` : 'kal-event-agenda: set event-id');
  }
  return id;
}

declare global {
  interface HTMLElementTagNameMap {
    'kal-event-agenda': KalEventAgenda;
  }
}
