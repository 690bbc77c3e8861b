// @ts-check
/**
 * Seeded Events Platform data (Events Platform guide, sections 5, 6 and 9): events with their
 * sessions, the same for every partner. The demo event is scheduled around the partner's own moment
 * (`world.eventsPlannedAt`: its first events call, to 5 minutes, planned again once an hour old), so
 * that whenever a page asks, one of its sessions is live and another starts within 20 minutes.
 */
import { SEEDED_AT } from './data.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PLAN_STEP = 5 * MINUTE;
const REPLAN_AFTER = HOUR;

/** The seeded events tests and demos name (documented in sandbox/README.md). */
export const SEEDED_EVENTS = Object.freeze({ connect: 7001, draft: 7002, cancelled: 7003, ended: 7004 });

/** Guide §9. */
/** @typedef {'draft' | 'scheduled' | 'live' | 'ended' | 'cancelled'} EventStatus */
/** Guide §6.1 types, §6.2 visibility. */
/**
 * @typedef {{ id: number, name: string, type: 'MeetingEntry' | 'LiveWebcast' | 'SimuLive' | 'LiveKME' | 'VirtualLearningRoom',
 *   startDate: string, endDate: string, description: string, visibility: 'published' | 'unlisted' | 'private', sourceEntryId?: string }} Session
 * @typedef {{ id: number, name: string, status: EventStatus, templateId: string, startDate: string, endDate: string, doorsOpenDate?: string,
 *   timezone: string, description: string, labels: string[], createdAt: string, updatedAt: string }} EventEntity
 * @typedef {{ event: EventEntity, sessions: Session[] }} SeededEvent
 */

/**
 * The moment a partner's demo event is scheduled around.
 * @param {import('./world.js').World} world @param {number} now
 */
export function plannedAt(world, now) {
  if (world.eventsPlannedAt === undefined || now - world.eventsPlannedAt >= REPLAN_AFTER) world.eventsPlannedAt = Math.floor(now / PLAN_STEP) * PLAN_STEP;
  return world.eventsPlannedAt;
}

const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();

/** The wall-clock fields of an instant in an IANA time zone. @param {number} ms @param {string} timeZone */
function wallClock(ms, timeZone) {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/**
 * The instant at `hh:mm` local time in `timeZone`, `days` calendar days after the local date of `ms`.
 * @param {number} ms @param {string} timeZone @param {number} days @param {number} hh @param {number} mm
 */
function localTime(ms, timeZone, days, hh, mm) {
  const { year, month, day } = wallClock(ms, timeZone);
  const wanted = Date.UTC(year, month - 1, day + days, hh, mm);
  // The zone's offset at a guess, applied twice so a daylight-saving change between the two is met.
  const offsetAt = (/** @type {number} */ at) => {
    const w = wallClock(at, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(at / MINUTE) * MINUTE;
  };
  return wanted - offsetAt(wanted - offsetAt(wanted));
}

/**
 * @param {number} start @param {number} minutes @param {Session['type']} type @param {string} name @param {string} description
 * @param {Partial<Session>} [more]
 * @returns {Omit<Session, 'id'>}
 */
const session = (start, minutes, type, name, description, more = {}) =>
  ({ name, type, startDate: iso(start), endDate: iso(start + minutes * MINUTE), description, visibility: 'published', ...more });

/** Sessions numbered from `first`, in the order given. @param {number} first @param {Omit<Session, 'id'>[]} sessions @returns {Session[]} */
const numbered = (first, sessions) => sessions.map((s, i) => ({ id: first + i, ...s }));

/**
 * An event around its sessions: it starts with the first and ends with the last; a published
 * event's status follows the clock (§9: scheduled, live, ended).
 * @param {number} id @param {string} name @param {'draft' | 'cancelled' | 'published'} state @param {string} timezone
 * @param {Session[]} sessions @param {number} now @param {Partial<EventEntity>} [more]
 * @returns {SeededEvent}
 */
function event(id, name, state, timezone, sessions, now, more = {}) {
  const start = Math.min(...sessions.map((s) => Date.parse(s.startDate)));
  const end = Math.max(...sessions.map((s) => Date.parse(s.endDate)));
  const status = state !== 'published' ? state : now < start ? 'scheduled' : now < end ? 'live' : 'ended';
  const createdAt = iso(Date.parse(SEEDED_AT) + (id % 100) * HOUR);
  return {
    event: { id, name, status, templateId: 'tm0000', startDate: iso(start), endDate: iso(end), timezone, description: '', labels: [], createdAt, updatedAt: createdAt, ...more },
    sessions,
  };
}

/**
 * Every seeded event, scheduled around `at`, with statuses as of `now`. Session ids are stable
 * (8101, 8102, ... for the demo event; 8201 for the draft; ...).
 * @param {number} at @param {number} now
 * @returns {SeededEvent[]}
 */
export function seededEvents(at, now) {
  const NY = 'America/New_York';
  const dayOne = numbered(8101, [
    session(at - 3 * HOUR, 60, 'LiveWebcast', 'Opening Keynote: Video Everywhere', 'Where video is going, and what it means for every team.'),
    session(at - 30 * MINUTE, 105, 'LiveWebcast', 'Main Stage: Product Roadmap', 'What ships this year, live from the main stage.'),
    session(at + 10 * MINUTE, 45, 'VirtualLearningRoom', 'Hands-on Lab: Widgets in 10 Minutes', 'Bring a laptop: put a leaderboard on your own page.'),
    session(at + 30 * MINUTE, 45, 'MeetingEntry', 'Breakout: Scaling Town Halls', 'An interactive room on running all-hands for 50,000 people.'),
    session(at + 50 * MINUTE, 30, 'SimuLive', 'Sponsor Spotlight', 'A recorded tour of this year\'s sponsor demos.', { sourceEntryId: '1_sponsorvod' }),
    session(at + 70 * MINUTE, 50, 'LiveWebcast', 'Customer Panel: Lessons from 100 Events', 'Three producers compare notes.'),
    session(at - HOUR, 120, 'MeetingEntry', 'Speaker Rehearsal', 'Speakers only.', { visibility: 'private' }),
    session(at + 90 * MINUTE, 30, 'LiveWebcast', 'Press Briefing', 'For invited press.', { visibility: 'unlisted' }),
  ]);
  const dayTwo = numbered(8111, [
    session(localTime(at, NY, 1, 9, 0), 60, 'LiveWebcast', 'Day 2 Keynote: AI and the Future of Events', 'Live from New York.'),
    session(localTime(at, NY, 1, 10, 30), 90, 'VirtualLearningRoom', 'Workshop: Accessible Video with Live Captions', 'Captions, translations and audio description in practice.'),
    session(localTime(at, NY, 1, 13, 0), 60, 'LiveKME', 'Bring Your Own Encoder: Live Production Tips', 'RTMP and SRT from a real control room.'),
    session(localTime(at, NY, 1, 16, 0), 60, 'LiveWebcast', 'Closing Panel and Awards', 'The year\'s best events, and the people behind them.'),
    session(localTime(at, NY, 1, 17, 30), 30, 'MeetingEntry', 'Staff Debrief', 'Organisers only.', { visibility: 'private' }),
  ]);
  const draft = numbered(8201, [session(at + 365 * DAY, 60, 'LiveWebcast', 'Keynote (to be announced)', 'Not announced yet.')]);
  const paris = numbered(8301, [
    session(localTime(at, 'Europe/Paris', 14, 9, 30), 60, 'LiveWebcast', 'Roadshow Keynote', 'The Connect keynote, in Paris.'),
    session(localTime(at, 'Europe/Paris', 14, 11, 0), 60, 'MeetingEntry', 'Partner Roundtable', 'Partners meet the product team.'),
  ]);
  const spring = numbered(8401, [session(at - 60 * DAY, 60, 'LiveWebcast', 'Spring Webinar: What\'s New', 'The spring release, explained.')]);

  return [
    event(SEEDED_EVENTS.connect, 'Kaltura Connect', 'published', NY, [...dayOne, ...dayTwo], now, {
      templateId: 'tm4000', description: 'Two days of keynotes, product deep dives and hands-on labs.', labels: ['connect', 'conference'],
      doorsOpenDate: iso(at - 3 * HOUR - 15 * MINUTE),
    }),
    event(SEEDED_EVENTS.draft, 'Kaltura Connect 2027', 'draft', NY, draft, now, { templateId: 'tm2000', description: 'Next year\'s Connect: not announced yet.', labels: ['connect'] }),
    event(SEEDED_EVENTS.cancelled, 'Connect Roadshow: Paris', 'cancelled', 'Europe/Paris', paris, now, { description: 'The Paris stop of the Connect roadshow.', labels: ['connect', 'roadshow'] }),
    event(SEEDED_EVENTS.ended, 'Spring Webinar Series', 'published', 'Europe/London', spring, now, { templateId: 'tm2000', labels: ['webinar'] }),
    // Twelve monthly town halls, eight past and four to come: more events than one events/list page holds.
    ...Array.from({ length: 12 }, (_, i) => {
      const start = Math.floor(at / DAY) * DAY + (i - 7.5) * 28 * DAY + 16 * HOUR;
      const hall = numbered(8501 + i, [session(start, 60, 'LiveWebcast', 'Town Hall', 'Company update and open Q&A.')]);
      return event(7005 + i, `Monthly Town Hall ${i + 1}`, 'published', 'Europe/London', hall, now, { templateId: 'tm2000', labels: ['town-hall'] });
    }),
  ];
}
