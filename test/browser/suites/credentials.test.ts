// Credential checks (issue 8, DESIGN §4): across every element and state (loaded, error, saving,
// joined room, retrying) no KS appears in a light-DOM attribute, a console call, an error message or
// a kit event's detail, or the page URL; the room iframe's src is the one place it may be (the KAF
// view-room path needs it). A readable ADMIN KS is refused by every element, from either token source,
// with a `config` error saying why, before any service call.
import { expect, fixture, html } from '@open-wc/testing';
import type { KalErrorDetail } from '../../../src/api/errors.js';
import type { GetKs } from '../../../src/api/session.js';
import { configure } from '../../../src/config.js';
import '../../../src/components/leaderboard/define.js';
import '../../../src/components/badge-progress/define.js';
import '../../../src/components/unsubscribe-prefs/define.js';
import '../../../src/components/room-embed/define.js';
import '../../../src/components/certificate-progress/define.js';
import type { KalBadgeProgress } from '../../../src/components/badge-progress/kal-badge-progress.js';
import type { KalCertificateProgress } from '../../../src/components/certificate-progress/kal-certificate-progress.js';
import '../../../src/components/event-agenda/define.js';
import type { KalEventAgenda } from '../../../src/components/event-agenda/kal-event-agenda.js';
import type { KalLeaderboard } from '../../../src/components/leaderboard/kal-leaderboard.js';
import '../../../src/components/points-guide/define.js';
import type { KalPointsGuide } from '../../../src/components/points-guide/kal-points-guide.js';
import type { KalRoomEmbed } from '../../../src/components/room-embed/kal-room-embed.js';
import { forgetLinkKs } from '../../../src/components/unsubscribe-prefs/link-ks.js';
import { FAST_RETRIES, SANDBOX_URLS, control, mintKs, newPartner, restoreAfterEach, sandboxPost, sandboxState, until } from '../helpers.js';
import { $, deepElements, stateText, text } from '../dom.js';

const VIEWER = 'viewer@example.com';
const ROOM = '1_sandboxroom';
const KIT_EVENTS = ['kal-load', 'kal-error', 'kal-rank-change', 'kal-badge-achieved', 'kal-certified', 'kal-prefs-saved', 'kal-room-join', 'kal-room-leave'];

const originalUrl = location.href;
const restores = restoreAfterEach();
afterEach(() => {
  history.replaceState(history.state, '', originalUrl);
  forgetLinkKs();
});

/** Everything a KS must never reach, recorded for the whole test. */
interface Watch {
  partnerId: number;
  /** Every KS handed to the kit (by the token callback or a link). */
  issued: string[];
  /** Console calls, event details, error messages, light-DOM and URL snapshots: `[where, text]`. */
  seen: Array<[string, string]>;
  errors: KalErrorDetail[];
  count: (event: string) => number;
  /** Records the light DOM, the page URL and the shadow trees' attributes (the iframe src aside) now. */
  snapshot: (label: string, ...elements: Element[]) => void;
  getKs: GetKs;
  /** When set, the token callback throws this (given the KS it would have answered) on a refresh after a 401. */
  onRejected?: (ks: string) => Error;
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function watch(options: { scope?: 'room' } = {}): Watch {
  const partnerId = newPartner();
  const seen: Array<[string, string]> = [];
  const counts = new Map<string, number>();
  const w: Watch = {
    partnerId,
    issued: [],
    seen,
    errors: [],
    count: (event) => counts.get(event) ?? 0,
    snapshot: (label, ...elements) => {
      seen.push([`${label}: light DOM`, document.documentElement.outerHTML]);
      seen.push([`${label}: location.href`, location.href]);
      for (const element of elements) {
        for (const node of deepElements(element)) {
          for (const name of node.getAttributeNames()) {
            // The one place a KS may be: the KAF view-room path of the room iframe.
            if (node.localName === 'iframe' && name === 'src') continue;
            seen.push([`${label}: <${node.localName} ${name}>`, node.getAttribute(name) ?? '']);
          }
        }
        seen.push([`${label}: ${element.localName} text`, element.shadowRoot?.textContent ?? '']);
      }
    },
    getKs: async (context) => {
      const { ks } = await mintKs(partnerId, {
        userId: VIEWER,
        ...(options.scope === 'room' ? { privileges: `entryId:${context.entryId}` } : {}),
      });
      if (context.reason === 'rejected' && w.onRejected) throw w.onRejected(ks);
      return ks;
    },
  };

  // Every KS a token endpoint hands out (the kit's own fetches of `token-endpoint` included).
  const realFetch = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await realFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url, location.href).pathname === '/sandbox/ks') {
      const body = (await response.clone().text()).trim();
      const ks = body.startsWith('{') ? (JSON.parse(body) as { ks: string }).ks : body;
      if (ks && !w.issued.includes(ks)) w.issued.push(ks);
    }
    return response;
  };
  restores.push(() => (window.fetch = realFetch));
  // Every console method, for the whole test.
  const logged = console as unknown as Record<string, unknown>;
  for (const method of Object.keys(console)) {
    const original = logged[method];
    if (typeof original !== 'function') continue;
    logged[method] = (...args: unknown[]) => void seen.push([`console.${method}`, args.map(stringify).join(' ')]);
    restores.push(() => (logged[method] = original));
  }
  // Every kit event, on the document (they bubble and are composed).
  const onEvent = (event: Event) => {
    counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    const detail = (event as CustomEvent).detail as unknown;
    seen.push([`${event.type} detail`, stringify(detail)]);
    if (event.type === 'kal-error') w.errors.push(detail as KalErrorDetail);
  };
  for (const name of KIT_EVENTS) document.addEventListener(name, onEvent);
  restores.push(() => KIT_EVENTS.forEach((name) => document.removeEventListener(name, onEvent)));
  // Anything thrown and not caught.
  const onUnhandled = (event: PromiseRejectionEvent) => seen.push(['unhandledrejection', stringify(event.reason)]);
  const onWindowError = (event: ErrorEvent) => seen.push(['window error', `${event.message} ${stringify(event.error)}`]);
  window.addEventListener('unhandledrejection', onUnhandled);
  window.addEventListener('error', onWindowError);
  restores.push(() => {
    window.removeEventListener('unhandledrejection', onUnhandled);
    window.removeEventListener('error', onWindowError);
  });

  configure({ partnerId, serviceUrls: SANDBOX_URLS, getKs: w.getKs, retryDelaysMs: FAST_RETRIES, timeoutMs: undefined });
  return w;
}

/** No KS (as is, or URL-encoded) in anything recorded. */
function expectNoKs(w: Watch): void {
  expect(w.issued.length, 'KS were issued').to.be.greaterThan(0);
  for (const ks of w.issued) {
    for (const form of new Set([ks, encodeURIComponent(ks)])) {
      const leaks = w.seen.filter(([, text]) => text.includes(form)).map(([where]) => where);
      expect(leaks, 'places a KS leaked to').to.deep.equal([]);
    }
  }
  for (const detail of w.errors) expect(detail.message, 'an error message').to.be.a('string').and.not.equal('');
}

describe('credentials: the KS stays secret in every state', () => {
  it('<kal-leaderboard>: loaded after a refused KS, retrying a live refresh, errors, and a host error quoting the KS', async () => {
    const w = watch();
    await control(w.partnerId, { fail: { status: 401, count: 1, match: 'userScore/list' } });
    const board = await fixture<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_conference" live></kal-leaderboard>`);
    await until(() => w.count('kal-load') === 1, 'loaded');
    expect(w.issued).to.have.length(2); // the first KS was refused and replaced
    w.snapshot('loaded', board);

    // A live refresh that keeps failing: the rows stay, with the quiet "retrying" note.
    await control(w.partnerId, { fail: { status: 500, count: -1, match: 'userScore/list' } });
    const refreshing = board.refresh();
    w.snapshot('refreshing', board);
    await refreshing;
    await until(() => text($(board, '[part=note]')).includes('retrying'), 'the retrying note');
    w.snapshot('retrying', board);
    await sandboxPost('reset', { partnerId: w.partnerId });

    // An error state.
    const missing = await fixture<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_missing"></kal-leaderboard>`);
    await until(() => !!$(missing, '[part~=error]'), 'the error state');
    w.snapshot('error', missing);

    // A careless host whose error quotes the KS it was about to hand over.
    w.onRejected = (ks) => new Error(`upstream refused ${ks}`);
    await control(w.partnerId, { fail: { status: 401, count: 1, match: 'userScore/list' } });
    const errorsBefore = w.errors.length;
    const refused = await fixture<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_conference" page-size="5"></kal-leaderboard>`);
    await until(() => w.errors.length > errorsBefore && !!$(refused, '[part~=error]'), 'the session error');
    expect(w.errors.at(-1)).to.include({ code: 'unauthorized' });
    expect(w.errors.at(-1)!.message).to.contain('upstream refused [KS]');
    w.snapshot('host error', refused);
    expectNoKs(w);
  });

  it('<kal-badge-progress>: loaded, a failed refresh, and an error', async () => {
    const w = watch();
    const badges = await fixture<KalBadgeProgress>(html`<kal-badge-progress virtual-event-id="12345" live></kal-badge-progress>`);
    await until(() => w.count('kal-load') === 1, 'loaded');
    w.snapshot('loaded', badges);

    await control(w.partnerId, { fail: { status: 503, count: -1, match: 'userScore/ruleProgress' } });
    const refreshing = badges.refresh();
    w.snapshot('refreshing', badges);
    await refreshing;
    await until(() => !!$(badges, '.note--stale'), 'the stale note');
    w.snapshot('retrying', badges);
    await sandboxPost('reset', { partnerId: w.partnerId });

    await control(w.partnerId, { fail: { status: 403, count: 1, match: '/badge/list' } });
    const forbidden = await fixture<KalBadgeProgress>(html`<kal-badge-progress badge-ids="badge_quiz"></kal-badge-progress>`);
    await until(() => !!$(forbidden, '[part~=error]'), 'the error state');
    w.snapshot('error', forbidden);
    expectNoKs(w);
  });

  it('<kal-certificate-progress>: loaded, certified while open, a failed refresh, and an error', async () => {
    const w = watch();
    // Straight from the sandbox (lenient): the report is read afresh on each refresh.
    await control(w.partnerId, { lenientGameUserKs: true });
    const certificate = await fixture<KalCertificateProgress>(
      html`<kal-certificate-progress certificate-id="cert_course" game-url="/sandbox/scm/api/v1" live></kal-certificate-progress>`,
    );
    await until(() => w.count('kal-load') === 1, 'loaded');
    w.snapshot('loaded', certificate);

    await sandboxPost('progress', { partnerId: w.partnerId, userId: VIEWER, certificateId: 'cert_course', credits: 3 });
    await certificate.refresh();
    await until(() => w.count('kal-certified') === 1, 'certified');
    w.snapshot('certified', certificate);

    await control(w.partnerId, { fail: { status: 503, count: -1, match: 'userScore/ruleProgress' } });
    await certificate.refresh();
    await until(() => !!$(certificate, '.note--stale'), 'the stale note');
    w.snapshot('retrying', certificate);
    await sandboxPost('reset', { partnerId: w.partnerId });

    const missing = await fixture<KalCertificateProgress>(html`<kal-certificate-progress certificate-id="cert_missing"></kal-certificate-progress>`);
    await until(() => !!$(missing, '[part~=error]'), 'the error state');
    w.snapshot('error', missing);
  });

  it('<kal-points-guide>: loaded, a failed refresh, and an error', async () => {
    const w = watch();
    const guide = await fixture<KalPointsGuide>(html`<kal-points-guide leaderboard-id="lb_conference" live></kal-points-guide>`);
    await until(() => w.count('kal-load') === 1, 'loaded');
    w.snapshot('loaded', guide);
    await control(w.partnerId, { fail: { status: 503, count: -1, match: 'rule/list' } });
    await guide.refresh();
    await until(() => !!$(guide, '.note--stale'), 'the stale note');
    w.snapshot('retrying', guide);
    await sandboxPost('reset', { partnerId: w.partnerId });
    await control(w.partnerId, { fail: { status: 401, count: -1, match: 'userScore/ruleProgress' } });
    const refused = await fixture<KalPointsGuide>(html`<kal-points-guide leaderboard-id="lb_huge"></kal-points-guide>`);
    await until(() => !!$(refused, '[part~=error]'), 'the error state');
    w.snapshot('error', refused);
    expectNoKs(w);
  });

  it('<kal-event-agenda>: loaded after a refused KS, a failed refresh, a calendar file, and an error', async () => {
    const w = watch();
    await control(w.partnerId, { fail: { status: 401, count: 1, match: 'sessions/list' } });
    const agenda = await fixture<KalEventAgenda>(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
    await until(() => w.count('kal-load') === 1, 'loaded');
    expect(w.issued).to.have.length(2); // the first KS was refused and replaced
    w.snapshot('loaded', agenda);

    // The calendar file holds nothing of the session's credentials.
    const files: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => (files.push(blob as Blob), 'blob:nothing');
    restores.push(() => (URL.createObjectURL = createObjectURL));
    $<HTMLButtonElement>(agenda, '[part=add-to-calendar]')!.click();
    expect(files).to.have.length(1);
    w.seen.push(['calendar file', await files[0]!.text()]);

    await control(w.partnerId, { fail: { status: 503, count: -1, match: 'sessions/list' } });
    const refreshing = agenda.refresh();
    w.snapshot('refreshing', agenda);
    await refreshing;
    await until(() => !!$(agenda, '[part=note]'), 'the stale note');
    w.snapshot('retrying', agenda);
    await sandboxPost('reset', { partnerId: w.partnerId });

    const refused = await fixture<KalEventAgenda>(html`<kal-event-agenda event-id="7004"></kal-event-agenda>`);
    await until(() => !!$(refused, '[part~=error]'), 'the error state');
    w.snapshot('error', refused);
    expectNoKs(w);
  });

  it('<kal-unsubscribe-prefs>: a KS from the email link, loaded, saving, saved, a failed save, an expired link', async () => {
    const w = watch();
    // The page has no token source of its own: only the link's KS.
    configure({ getKs: undefined, timeoutMs: 300 });
    const { ks } = await mintKs(w.partnerId, { userId: VIEWER });
    const link = new URL(originalUrl);
    link.searchParams.set('ks', ks);
    link.searchParams.set('utm_source', 'email');
    history.replaceState(history.state, '', link);

    const prefs = await fixture<HTMLElement>(html`<kal-unsubscribe-prefs ks-param="ks">
      <kal-pref-group group-id="event-updates" label="Event updates"></kal-pref-group>
      <kal-pref-group group-id="weekly-digest" label="Weekly digest"></kal-pref-group>
    </kal-unsubscribe-prefs>`);
    await until(() => w.count('kal-load') === 1, 'loaded');
    expect(location.href).to.contain('utm_source=email');
    w.snapshot('loaded', prefs);

    // Saving: the first try hangs past the timeout, the retry stores it.
    await control(w.partnerId, { hang: { count: 1, match: 'syncGroups' } });
    $<HTMLButtonElement>(prefs, '[data-group-id="event-updates"] [role=switch]')!.click();
    await until(() => $(prefs, '[part~=save]')?.getAttribute('aria-disabled') === 'false', 'a change to save');
    $<HTMLButtonElement>(prefs, '[part~=save]')!.click();
    await until(() => $(prefs, '[part~=save]')?.getAttribute('aria-busy') === 'true', 'saving');
    w.snapshot('saving', prefs);
    await until(() => w.count('kal-prefs-saved') === 1, 'saved');
    w.snapshot('saved', prefs);

    // A save that fails for good.
    await control(w.partnerId, { fail: { status: 500, count: -1, match: 'syncGroups' } });
    $<HTMLButtonElement>(prefs, '[data-group-id="weekly-digest"] [role=switch]')!.click();
    await until(() => $(prefs, '[part~=save]')?.getAttribute('aria-disabled') === 'false', 'a change to save');
    $<HTMLButtonElement>(prefs, '[part~=save]')!.click();
    await until(() => !!$(prefs, '[part=failure]'), 'the failed save');
    w.snapshot('failed save', prefs);
    await sandboxPost('reset', { partnerId: w.partnerId });

    // The link's KS is refused: it cannot be refreshed.
    await control(w.partnerId, { fail: { status: 401, count: 1, match: 'syncGroups' } });
    $<HTMLButtonElement>(prefs, '[part~=retry]')!.click();
    await until(() => text($(prefs, '[part=failure]')) === 'This link has expired. Open the most recent email from us and use its link.', 'the expired link');
    w.snapshot('expired link', prefs);
    expectNoKs(w);
  });

  it('<kal-room-embed>: a failed join with a host error quoting a KS, joined (the iframe src aside), left', async () => {
    const w = watch({ scope: 'room' });
    let failing = true;
    const getKs: GetKs = async (context) => {
      const answer = await w.getKs(context);
      if (failing) throw new Error(`upstream refused ${String(answer)}`);
      return answer;
    };
    configure({ getKs });
    const room = await fixture<KalRoomEmbed>(html`<kal-room-embed entry-id=${ROOM}></kal-room-embed>`);
    $<HTMLButtonElement>(room, '[part~=join]')!.click();
    await until(() => !!$(room, '[part~=error]'), 'the failed join');
    expect(w.errors.at(-1)!.message).to.contain('upstream refused [KS]');
    w.snapshot('error', room);

    failing = false;
    $<HTMLButtonElement>(room, '[part~=retry]')!.click();
    await until(() => w.count('kal-room-join') === 1, 'joined');
    const frame = $<HTMLIFrameElement>(room, 'iframe')!;
    const ks = w.issued.at(-1)!;
    // The KS is in the iframe's src, which sends no referrer; nowhere else.
    expect(frame.getAttribute('src')).to.contain(encodeURIComponent(ks));
    expect(frame.getAttribute('referrerpolicy')).to.equal('no-referrer');
    w.snapshot('joined', room);

    $<HTMLButtonElement>(room, '[part~=leave]')!.click();
    await until(() => w.count('kal-room-leave') === 1, 'left');
    w.snapshot('left', room);
    expectNoKs(w);
  });
});

// ---------------------------------------------------------------- ADMIN KS

const ADMIN_SEEN = 'This widget is not set up safely: it was given an administrator session, which must never reach a browser.';

interface AdminSubject {
  name: string;
  mount: (tokenEndpoint: string | undefined) => Promise<HTMLElement>;
}

const ADMIN_SUBJECTS: AdminSubject[] = [
  {
    name: '<kal-leaderboard>',
    mount: (endpoint) => fixture(html`<kal-leaderboard leaderboard-id="lb_conference" token-endpoint=${endpoint ?? ''}></kal-leaderboard>`),
  },
  {
    name: '<kal-badge-progress>',
    mount: (endpoint) => fixture(html`<kal-badge-progress virtual-event-id="12345" token-endpoint=${endpoint ?? ''}></kal-badge-progress>`),
  },
  {
    name: '<kal-certificate-progress>',
    mount: (endpoint) => fixture(html`<kal-certificate-progress certificate-id="cert_course" token-endpoint=${endpoint ?? ''}></kal-certificate-progress>`),
  },
  {
    name: '<kal-points-guide>',
    mount: (endpoint) => fixture(html`<kal-points-guide leaderboard-id="lb_conference" token-endpoint=${endpoint ?? ''}></kal-points-guide>`),
  },
  {
    name: '<kal-event-agenda>',
    mount: (endpoint) => fixture(html`<kal-event-agenda event-id="7001" token-endpoint=${endpoint ?? ''}></kal-event-agenda>`),
  },
  {
    name: '<kal-unsubscribe-prefs>',
    mount: (endpoint) =>
      fixture(html`<kal-unsubscribe-prefs token-endpoint=${endpoint ?? ''}>
        <kal-pref-group group-id="event-updates" label="Event updates"></kal-pref-group>
      </kal-unsubscribe-prefs>`),
  },
  {
    name: '<kal-room-embed>',
    mount: (endpoint) => fixture(html`<kal-room-embed join="auto" entry-id=${ROOM} token-endpoint=${endpoint ?? ''}></kal-room-embed>`),
  },
];

describe('credentials: a readable ADMIN KS is refused everywhere', () => {
  for (const subject of ADMIN_SUBJECTS) {
    for (const source of ['getKs', 'token-endpoint'] as const) {
      it(`${subject.name} from ${source}: a config error saying why, and no service call`, async () => {
        const w = watch();
        let endpoint: string | undefined;
        if (source === 'getKs') {
          const admin: GetKs = () => mintKs(w.partnerId, { userId: 'admin@example.com', type: 2, format: 'v1' });
          configure({ getKs: admin });
        } else {
          // The host's backend answers an ADMIN KS (what the sandbox's token endpoint mints with type=2).
          configure({ getKs: undefined });
          endpoint = `/sandbox/ks?partnerId=${w.partnerId}&userId=admin%40example.com&type=2&format=v1`;
        }
        const element = await subject.mount(endpoint);
        await until(() => w.errors.length > 0, 'kal-error');
        await until(() => !!$(element, '[part~=error]'), 'the error state');
        expect(w.errors).to.have.length(1);
        const [detail] = w.errors;
        expect(detail).to.include({ code: 'config', retryable: false });
        expect(detail!.message).to.contain('ADMIN KS').and.to.contain('USER KS');
        expect(stateText($(element, '[part~=error]'))).to.equal(ADMIN_SEEN);
        expect($(element, '[part~=retry]'), 'no pointless retry').to.equal(null);
        expect($(element, 'iframe')).to.equal(null);
        const state = await sandboxState(w.partnerId);
        expect(state.calls, 'service calls').to.have.length(0);
        expect(state.joins).to.have.length(0);
        expect(state.tokenCalls, 'the KS was asked for once').to.be.at.least(1);
        w.snapshot('refused', element);
        expectNoKs(w);
      });
    }
  }

  it('<kal-unsubscribe-prefs> from an email link (ks-param): refused, and gone from the address bar', async () => {
    const w = watch();
    configure({ getKs: undefined });
    const { ks } = await mintKs(w.partnerId, { userId: 'admin@example.com', type: 2, format: 'v1' });
    const link = new URL(originalUrl);
    link.searchParams.set('ks', ks);
    history.replaceState(history.state, '', link);
    const element = await fixture<HTMLElement>(html`<kal-unsubscribe-prefs ks-param="ks">
      <kal-pref-group group-id="event-updates" label="Event updates"></kal-pref-group>
    </kal-unsubscribe-prefs>`);
    await until(() => w.errors.length > 0 && !!$(element, '[part~=error]'), 'the error state');
    expect(w.errors).to.have.length(1);
    expect(w.errors[0]).to.include({ code: 'config', retryable: false });
    expect(w.errors[0]!.message).to.contain('ADMIN KS');
    expect(stateText($(element, '[part~=error]'))).to.equal(ADMIN_SEEN);
    expect($(element, '[part~=retry]')).to.equal(null);
    expect((await sandboxState(w.partnerId)).calls).to.have.length(0);
    w.snapshot('refused', element);
    expectNoKs(w);
  });
});
