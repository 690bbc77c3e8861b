import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { nothing } from 'lit';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { configure } from '../../../src/config.js';
import '../../../src/components/event-agenda/define.js';
import type { KalEventAgenda } from '../../../src/components/event-agenda/kal-event-agenda.js';
import { type FakeClock, installFakeClock } from '../clock.js';
import { FAST_RETRIES, SANDBOX_URLS, callsTo, configureSandbox, control, countingGetKs, mintKs, newPartner, restoreAfterEach, until } from '../helpers.js';
import { $, $$, errorsOf, mountFailing, mountLoaded, root, stateText, stateTitle, text } from '../dom.js';

const VIEWER = 'viewer@example.com';
/** The sandbox's seeded events (sandbox/README.md, "Events"); the test backend serves 7001–7003. */
const CONNECT = 7001;
const DRAFT = 7002;
const CANCELLED = 7003;
const NOT_SERVED = 7004;
const MINUTE = 60_000;

const restores = restoreAfterEach();

/** The viewer's time zone, for this test (restored after it). */
async function viewerIn(timezoneId: string): Promise<void> {
  await executeServerCommand('emulate-timezone', { timezoneId });
  restores.push(() => void executeServerCommand('emulate-timezone', { timezoneId: '' }));
}

/** A fake clock from now on, for this test. */
function fakeClock(): FakeClock {
  const clock = installFakeClock();
  restores.push(() => clock.restore());
  return clock;
}

interface RawSession {
  id: number;
  name: string;
  type: string;
  startDate: string;
  endDate: string;
}

/** An event's sessions as the host's Events proxy answers them (what the agenda must show). */
async function servedSessions(partnerId: number, eventId: number): Promise<RawSession[]> {
  const { ks } = await mintKs(partnerId, { userId: VIEWER });
  const response = await fetch('/api/events/sessions/list', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ks}` },
    body: JSON.stringify({ eventId }),
  });
  return ((await response.json()) as { sessions: RawSession[] }).sessions;
}

/**
 * Rewrites the answers of calls whose URL contains `match`, at the network edge, for what the sandbox
 * cannot produce (restored after the test).
 */
function rewrite(match: string, change: (json: any) => void): void {
  const previous = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await previous(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes(match) || !response.ok) return response;
    const json = await response.json();
    change(json);
    return new Response(JSON.stringify(json), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  restores.push(() => (window.fetch = previous));
}

/** Every file "Add to calendar" hands the browser: its name and text (no download happens). */
function downloads(): Array<{ name: string; text: Promise<string>; href: string }> {
  const files: Array<{ name: string; text: Promise<string>; href: string }> = [];
  const blobs = new Map<string, Blob>();
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = createObjectURL.call(URL, blob);
    blobs.set(url, blob as Blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    files.push({ name: this.download, href: this.href, text: blobs.get(this.href)?.text() ?? Promise.resolve('') });
  };
  restores.push(() => {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  });
  return files;
}

const loaded = (template: ReturnType<typeof html>) => mountLoaded<KalEventAgenda>(template, 'kal-event-agenda');
const session = (element: Element, id: number) => $(element, `[part~=session][data-session-id="${id}"]`);
const shownIds = (element: Element) => $$(element, '[part~=session]').map((each) => Number(each.dataset.sessionId));
const stateOf = (element: Element, id: number) => session(element, id)!.dataset.state;
const labelOf = (element: Element, id: number) => text(session(element, id)!.querySelector('[part=state]'));
const headings = (element: Element) => $$(element, '[part=day]').map(text);

const dayIn = (timeZone: string, iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'full', timeZone }).format(new Date(iso));
const timesIn = (timeZone: string, s: RawSession) =>
  new Intl.DateTimeFormat('en', { timeStyle: 'short', timeZone }).formatRange(new Date(s.startDate), new Date(s.endDate));

describe('<kal-event-agenda>', () => {
  describe('the agenda', () => {
    it('shows loading, then the published sessions by day with their type, times as text and state', async () => {
      await viewerIn('America/New_York');
      const { partnerId } = configureSandbox();
      await control(partnerId, { latencyMs: 200 });
      const load = oneEvent(document, 'kal-load');
      const element = await fixture<KalEventAgenda>(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
      expect(text($(element, '[part=loading]'))).to.equal('Loading…');
      const { detail } = await load;
      await element.updateComplete;
      await control(partnerId, { latencyMs: 0 });
      const sessions = await servedSessions(partnerId, CONNECT);

      expect(detail.count).to.equal(10);
      expect(shownIds(element)).to.deep.equal([8101, 8102, 8103, 8104, 8105, 8106, 8111, 8112, 8113, 8114]);
      expect(sessions.map((each) => each.id)).to.deep.equal(shownIds(element));
      expect(text($(element, '[part=title]'))).to.equal('Kaltura Connect');
      expect(text($(element, '[part=event-description]'))).to.equal('Two days of keynotes, product deep dives and hands-on labs.');
      // The viewer is in the event's zone: no note, no second time.
      expect($(element, '[part=zone]')).to.equal(null);
      expect($(element, '[part=event-time]')).to.equal(null);
      expect(headings(element)).to.deep.equal([...new Set(sessions.map((each) => dayIn('America/New_York', each.startDate)))]);
      for (const each of sessions) {
        const item = session(element, each.id)!;
        expect(text(item.querySelector('[part=name]'))).to.equal(each.name);
        expect(text(item.querySelector('[part=time]'))).to.equal(timesIn('America/New_York', each));
      }
      // Each day's list is named by its heading.
      for (const list of $$(element, '[part=list]')) {
        expect(text(root(element).getElementById(list.getAttribute('aria-labelledby')!))).to.equal(text(list.previousElementSibling));
      }

      expect(text(session(element, 8102)!.querySelector('[part=type]'))).to.equal('Live webcast');
      expect(text(session(element, 8103)!.querySelector('[part=type]'))).to.equal('Virtual classroom');
      expect(text(session(element, 8104)!.querySelector('[part=type]'))).to.equal('Interactive room');
      expect(text(session(element, 8105)!.querySelector('[part=type]'))).to.equal('Simulive');
      expect(text(session(element, 8113)!.querySelector('[part=type]'))).to.equal('Live broadcast');

      // The sandbox keeps one session live and the next starting within 10 minutes.
      expect([stateOf(element, 8101), labelOf(element, 8101)]).to.deep.equal(['ended', 'Ended']);
      expect([stateOf(element, 8102), labelOf(element, 8102)]).to.deep.equal(['live', 'Live now']);
      expect([stateOf(element, 8103), labelOf(element, 8103)]).to.deep.equal(['soon', 'Starting soon']);
      expect([stateOf(element, 8104), labelOf(element, 8104)]).to.deep.equal(['upcoming', '']);
      // Nothing to add once a session is over.
      expect(session(element, 8101)!.querySelector('[part=add-to-calendar]')).to.equal(null);
      expect(text(session(element, 8102)!.querySelector('[part=add-to-calendar]'))).to.equal('Add to calendar');
      expect($(element, '[part=status]')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it("names both time zones when the viewer's differs, with each session's time in the event's zone", async () => {
      await viewerIn('Europe/Paris');
      const { partnerId } = configureSandbox();
      const { element } = await loaded(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
      const sessions = await servedSessions(partnerId, CONNECT);
      expect(text($(element, '[part=zone]'))).to.equal("Times are in your time zone (Central European Time). The event’s time zone is Eastern Time.");
      expect(headings(element)).to.deep.equal([...new Set(sessions.map((each) => dayIn('Europe/Paris', each.startDate)))]);
      for (const each of sessions) {
        const item = session(element, each.id)!;
        expect(text(item.querySelector('[part=time]'))).to.equal(timesIn('Europe/Paris', each));
        const inNewYork = new Intl.DateTimeFormat('en', { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: 'America/New_York' });
        expect(text(item.querySelector('[part=event-time]'))).to.equal(`Event time: ${inNewYork.formatRange(new Date(each.startDate), new Date(each.endDate))}`);
      }
      await expect(element).to.be.accessible();
    });

    it('marks a cancelled event and each of its sessions, with nothing to add to a calendar', async () => {
      configureSandbox();
      const { element, count } = await loaded(html`<kal-event-agenda event-id=${CANCELLED}></kal-event-agenda>`);
      expect(count).to.equal(2);
      expect(text($(element, '[part=title]'))).to.equal('Connect Roadshow: Paris');
      expect(text($(element, '[part=status]'))).to.equal('This event has been cancelled.');
      expect(shownIds(element)).to.deep.equal([8301, 8302]);
      for (const id of [8301, 8302]) expect([stateOf(element, id), labelOf(element, id)]).to.deep.equal(['cancelled', 'Cancelled']);
      expect($(element, '[part=add-to-calendar]')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('never shows a draft event: it reads as not found, with no retry', async () => {
      configureSandbox();
      const { element, detail } = await mountFailing(html`<kal-event-agenda event-id=${DRAFT}></kal-event-agenda>`);
      expect(detail.code).to.equal('not-found');
      expect(stateTitle(element.shadowRoot!.querySelector('[part=error]'))).to.equal('Not found');
      expect(stateText($(element, '[part=error]'))).to.equal('There is no event “\u20687002\u2069” to show. Check the event-id.');
      expect($(element, '[part=retry]')).to.equal(null);
      expect(text(root(element))).to.not.contain('Keynote (to be announced)');
      await expect(element).to.be.accessible();
    });

    it('cannot read an event the backend does not serve (pinned to its event ids): no access, no retry', async () => {
      const { partnerId } = configureSandbox();
      const { element, detail } = await mountFailing(html`<kal-event-agenda event-id=${NOT_SERVED}></kal-event-agenda>`);
      expect(detail.code).to.equal('forbidden');
      expect(stateTitle($(element, '[part=error]'))).to.equal('No access');
      expect($(element, '[part=retry]')).to.equal(null);
      // The proxy refused it: the Events Platform was never asked.
      expect(await callsTo(partnerId, '/events-api/')).to.deep.equal([]);
    });

    it("says an event has ended when the service says so, with every session ended", async () => {
      configureSandbox();
      rewrite('/events/list', (json) => (json.events[0].status = 'ended'));
      const { element } = await loaded(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
      expect(text($(element, '[part=status]'))).to.equal('This event has ended.');
      expect($$(element, '[part~=session]').every((each) => each.dataset.state === 'ended')).to.equal(true);
      expect($(element, '[part=add-to-calendar]')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('shows published sessions only, whatever the backend lets through', async () => {
      configureSandbox();
      rewrite('/sessions/list', (json) => {
        json.sessions = json.sessions.map((each: RawSession) => ({ ...each, visibility: each.id === 8102 ? 'published' : each.id === 8103 ? undefined : 'private' }));
      });
      const { element, count } = await loaded(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
      // No visibility is the guide's default, published.
      expect(shownIds(element)).to.deep.equal([8102, 8103]);
      expect(count).to.equal(2);
    });

    it('shows the event with an empty state when it has no published session', async () => {
      configureSandbox();
      rewrite('/sessions/list', (json) => json.sessions.forEach((each: { visibility: string }) => (each.visibility = 'unlisted')));
      const { element, count } = await loaded(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
      expect(count).to.equal(0);
      expect(text($(element, '[part=title]'))).to.equal('Kaltura Connect');
      expect(stateText($(element, '[part=empty]'))).to.equal('No sessions have been published for this event yet.');
      await expect(element).to.be.accessible();
    });
  });

  describe('requests', () => {
    it('reads the event and its sessions once for two agendas of one event on a page', async () => {
      configureSandbox();
      const sent: string[] = [];
      const realFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => (sent.push(String(input)), realFetch(input, init));
      restores.push(() => (window.fetch = realFetch));
      const page = await fixture<HTMLElement>(html`<div>
        <kal-event-agenda event-id="7001"></kal-event-agenda>
        <kal-event-agenda event-id="7001" theme="dark"></kal-event-agenda>
      </div>`);
      const agendas = [...page.querySelectorAll<KalEventAgenda>('kal-event-agenda')];
      await until(() => agendas.every((agenda) => shownIds(agenda).length === 10), 'both agendas');
      expect(sent.filter((url) => url.startsWith('/api/events/')).sort()).to.deep.equal(['/api/events/events/list', '/api/events/sessions/list']);
    });
  });

  describe('the clock', () => {
    it('moves "Starting soon", "Live now" and "Ended" as time passes, without a reload, and announces what goes live', async () => {
      await viewerIn('America/New_York');
      const { partnerId } = configureSandbox();
      const clock = fakeClock();
      const { element } = await loaded(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
      const sessions = await servedSessions(partnerId, CONNECT);
      const startOf = (id: number) => Date.parse(sessions.find((each) => each.id === id)!.startDate);
      const endOf = (id: number) => Date.parse(sessions.find((each) => each.id === id)!.endDate);
      const reads = (await callsTo(partnerId, '/events-api/')).length;
      const announcer = $(element, '[aria-live=polite]')!;
      expect([stateOf(element, 8102), stateOf(element, 8103), stateOf(element, 8104)]).to.deep.equal(['live', 'soon', 'upcoming']);
      expect(text(announcer)).to.equal('');

      // The lab starts: live, and said once to screen readers; the breakout is still 20 minutes off.
      clock.tickTo(startOf(8103));
      await element.updateComplete;
      expect([stateOf(element, 8103), labelOf(element, 8103)]).to.deep.equal(['live', 'Live now']);
      expect(stateOf(element, 8104)).to.equal('upcoming');
      expect(text(announcer)).to.equal('Live now: Hands-on Lab: Widgets in 10 Minutes');

      clock.tickTo(startOf(8104) - 15 * MINUTE);
      await element.updateComplete;
      expect([stateOf(element, 8104), labelOf(element, 8104)]).to.deep.equal(['soon', 'Starting soon']);

      clock.tickTo(endOf(8102));
      await element.updateComplete;
      expect([stateOf(element, 8102), labelOf(element, 8102)]).to.deep.equal(['ended', 'Ended']);
      expect(session(element, 8102)!.querySelector('[part=add-to-calendar]')).to.equal(null);
      expect($(element, '[part=status]')).to.equal(null);

      // After the last session the event has ended.
      clock.tickTo(Math.max(...sessions.map((each) => Date.parse(each.endDate))));
      await element.updateComplete;
      expect(text($(element, '[part=status]'))).to.equal('This event has ended.');
      expect($$(element, '[part~=session]').every((each) => each.dataset.state === 'ended')).to.equal(true);
      expect($(element, '[part=add-to-calendar]')).to.equal(null);
      expect((await callsTo(partnerId, '/events-api/')).length, 'nothing read again').to.equal(reads);
      clock.restore();
      await expect(element).to.be.accessible();
    });
  });

  describe('add to calendar', () => {
    const utc = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
    const unfold = (ics: string) => ics.replace(/\r\n /g, '');

    it('downloads one session as an .ics file made in the page, from the keyboard, with no request', async () => {
      const { partnerId } = configureSandbox();
      const files = downloads();
      const { element } = await loaded(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
      const sessions = await servedSessions(partnerId, CONNECT);
      const reads = (await callsTo(partnerId, '/')).length;
      const fetches: string[] = [];
      const realFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => (fetches.push(String(input)), realFetch(input, init));
      restores.push(() => (window.fetch = realFetch));

      // The ended keynote has no button: Tab lands on the live session's.
      await sendKeys({ press: 'Tab' });
      const first = session(element, 8102)!.querySelector<HTMLButtonElement>('[part=add-to-calendar]')!;
      expect(root(element).activeElement).to.equal(first);
      expect(text(root(element).getElementById(first.getAttribute('aria-describedby')!))).to.equal('Main Stage: Product Roadmap');
      await sendKeys({ press: 'Enter' });
      await until(() => files.length === 1, 'the file');
      expect(files[0]!.name).to.equal('Main Stage Product Roadmap.ics');
      expect(files[0]!.href).to.match(/^blob:/);
      const ics = await files[0]!.text;
      expect(ics.endsWith('\r\n')).to.equal(true);
      expect(ics.replace(/\r\n/g, ''), 'CRLF line ends only').to.not.match(/[\r\n]/);
      const main = sessions.find((each) => each.id === 8102)!;
      const lines = unfold(ics).split('\r\n');
      expect(lines.slice(0, 6)).to.deep.equal(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kaltura Widgets//kal-event-agenda//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'BEGIN:VEVENT']);
      expect(lines).to.include.members([
        'UID:kaltura-event-7001-session-8102@kaltura-widgets',
        `DTSTART:${utc(main.startDate)}`,
        `DTEND:${utc(main.endDate)}`,
        'SUMMARY:Main Stage: Product Roadmap',
        'DESCRIPTION:Kaltura Connect\\n\\nWhat ships this year\\, live from the main stage.',
      ]);
      expect(lines.find((line) => line.startsWith('DTSTAMP:'))).to.match(/^DTSTAMP:\d{8}T\d{6}Z$/);
      expect(lines.slice(-3)).to.deep.equal(['END:VEVENT', 'END:VCALENDAR', '']);

      // The next session with Space; the first again gives the same UID, so a calendar updates it.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      first.click();
      await until(() => files.length === 3, 'two more files');
      expect(unfold(await files[1]!.text)).to.contain('UID:kaltura-event-7001-session-8103@kaltura-widgets\r\n');
      expect(unfold(await files[2]!.text).split('\r\n').find((line) => line.startsWith('UID:'))).to.equal('UID:kaltura-event-7001-session-8102@kaltura-widgets');
      expect(fetches, 'no request').to.deep.equal([]);
      expect((await callsTo(partnerId, '/')).length).to.equal(reads);
    });

    it('escapes commas, semicolons, backslashes and line breaks, and folds long lines between characters', async () => {
      configureSandbox();
      const name = 'Q&A, part 1; "live"\\now\r\nand more';
      const description = `Line one\nLine two, with ; and \\ — ${'é'.repeat(50)}${'🎉'.repeat(40)}`;
      rewrite('/sessions/list', (json) => Object.assign(json.sessions.find((each: RawSession) => each.id === 8104), { name, description }));
      const files = downloads();
      const { element } = await loaded(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
      expect(text(session(element, 8104)!.querySelector('[part=name]'))).to.equal(text(Object.assign(document.createElement('p'), { textContent: name })));
      session(element, 8104)!.querySelector<HTMLButtonElement>('[part=add-to-calendar]')!.click();
      await until(() => files.length === 1, 'the file');
      expect(files[0]!.name).to.equal('Q&A, part 1; live now and more.ics');
      const ics = await files[0]!.text;
      for (const line of ics.split('\r\n')) {
        expect(new TextEncoder().encode(line).length, line).to.be.at.most(75);
        expect(line, 'a character split in two').to.not.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
      expect(ics.split('\r\n').filter((line) => line.startsWith(' ')).length, 'continued lines').to.be.greaterThan(2);
      const unfolded = unfold(ics);
      expect(unfolded).to.contain('\r\nSUMMARY:Q&A\\, part 1\\; "live"\\\\now\\nand more\r\n');
      expect(unfolded).to.contain(`\r\nDESCRIPTION:Kaltura Connect\\n\\nLine one\\nLine two\\, with \\; and \\\\ — ${'é'.repeat(50)}${'🎉'.repeat(40)}\r\n`);
    });
  });

  describe('set-up', () => {
    for (const [value, message] of [
      [undefined, 'kal-event-agenda: set event-id'],
      ['', 'kal-event-agenda: set event-id'],
      ['abc', 'not "abc"'],
      ['-5', 'not "-5"'],
      ['1.5', 'not "1.5"'],
      ['0', 'not "0"'],
      ['7001 7003', 'not "7001 7003"'],
    ] as const) {
      it(`event-id ${JSON.stringify(value)}: a set-up state with no retry, and nothing sent`, async () => {
        const { partnerId, contexts } = configureSandbox();
        const { element, detail } = await mountFailing(html`<kal-event-agenda event-id=${value ?? nothing}></kal-event-agenda>`);
        expect(detail).to.include({ code: 'config', retryable: false });
        expect(detail.message).to.contain(message);
        expect(stateTitle($(element, '[part=error]'))).to.equal('Setup needed');
        expect($(element, '[part=retry]')).to.equal(null);
        expect(contexts).to.deep.equal([]);
        expect((await callsTo(partnerId, '/')).length).to.equal(0);
      });
    }

    it('with no events-url sends nothing and says its Events proxy is missing, naming createEventsProxy', async () => {
      const partnerId = newPartner();
      configure({ partnerId, serviceUrls: { ...SANDBOX_URLS, events: undefined }, getKs: countingGetKs(partnerId).getKs, retryDelaysMs: FAST_RETRIES });
      const { element, detail } = await mountFailing(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
      expect(detail.code).to.equal('config');
      expect(detail.message).to.contain('createEventsProxy').and.to.contain('ADMIN KS');
      expect(stateText($(element, '[part=error]'))).to.equal('This widget is not set up yet: its site has not connected it to the events service.');
      expect($(element, '[part=retry]')).to.equal(null);
      expect((await callsTo(partnerId, '/')).length).to.equal(0);
      await expect(element).to.be.accessible();

      // Its own events-url is enough.
      const { element: own } = await loaded(html`<kal-event-agenda event-id="7001" events-url="/api/events"></kal-event-agenda>`);
      expect(shownIds(own)).to.have.length(10);
    });

    it("refuses an events-url on Kaltura's own Events Platform host before anything is sent", async () => {
      const { partnerId } = configureSandbox();
      const fetches: string[] = [];
      const realFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => (fetches.push(String(input)), realFetch(input, init));
      restores.push(() => (window.fetch = realFetch));
      const { detail } = await mountFailing(
        html`<kal-event-agenda event-id="7001" events-url="https://events-api.nvp1.ovp.kaltura.com/api/v1"></kal-event-agenda>`,
      );
      expect(detail.code).to.equal('config');
      expect(detail.message).to.contain("events-url points at Kaltura's Events Platform").and.to.contain('createEventsProxy');
      expect(fetches.filter((url) => url.includes('kaltura.com'))).to.deep.equal([]);
      expect((await callsTo(partnerId, '/')).length).to.equal(0);
    });
  });

  describe('themes, directions and refreshes', () => {
    it('renders in the dark theme without accessibility violations', async () => {
      configureSandbox();
      const { element } = await loaded(html`<kal-event-agenda theme="dark" event-id="7001"></kal-event-agenda>`);
      expect(element.getAttribute('theme')).to.equal('dark');
      await expect(element).to.be.accessible();
    });

    it('renders right to left in Hebrew, the state marker on the inline start', async () => {
      configureSandbox();
      const { element } = await loaded(html`<div lang="he" dir="rtl"><kal-event-agenda event-id="7001"></kal-event-agenda></div>`);
      expect($(element, '.root')!.getAttribute('dir')).to.equal('rtl');
      await until(() => labelOf(element, 8102) !== 'Live now', 'the Hebrew catalogue');
      const live = session(element, 8102)!;
      expect(getComputedStyle(live).borderRightWidth).to.equal('4px');
      expect(getComputedStyle(live).borderLeftWidth).to.equal('1px');
      await expect(element).to.be.accessible();
    });

    it('keeps the agenda with a quiet note when a refresh fails, reports once, and recovers', async () => {
      const { partnerId } = configureSandbox();
      const { element } = await loaded(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
      const errors = errorsOf(element) as Array<{ code: string }>;
      await control(partnerId, { fail: { status: 500, count: 4, match: 'sessions/list' } });
      await element.refresh();
      expect(errors.map((each) => each.code)).to.deep.equal(['server']);
      expect(shownIds(element)).to.have.length(10);
      expect(text($(element, '[part=note]'))).to.contain('The agenda could not be updated just now.');
      expect($(element, '[role=alert]')).to.equal(null);
      await expect(element).to.be.accessible();
      $<HTMLButtonElement>(element, '[part=note] button')!.click();
      await until(() => !$(element, '[part=note]'), 'the note to go after a good refresh');
      expect(errors).to.have.length(1);
    });
  });
});
