// The hostile-input suite (issue 8): markup and script in names, labels, descriptions and badge names,
// right-to-left overrides, 10 KB strings, emoji, `javascript:` / `data:` icon URLs, and attribute values
// that are empty, huge, negative or not numbers. All must render as inert text inside the element's box,
// fall back to the placeholder icon, or give a clear `config` error (or a documented default).
// Hostile service data has no sandbox switch: `window.fetch` is stubbed for one service path at a time.
import { expect, fixture, html } from '@open-wc/testing';
import type { KalErrorDetail } from '../../../src/api/errors.js';
import { configure, currentConfig } from '../../../src/config.js';
import '../../../src/components/leaderboard/define.js';
import '../../../src/components/badge-progress/define.js';
import '../../../src/components/unsubscribe-prefs/define.js';
import '../../../src/components/room-embed/define.js';
import '../../../src/components/certificate-progress/define.js';
import '../../../src/components/event-agenda/define.js';
import '../../../src/components/points-guide/define.js';
import type { KalBadgeProgress } from '../../../src/components/badge-progress/kal-badge-progress.js';
import type { KalLeaderboard, ResolvedUsers } from '../../../src/components/leaderboard/kal-leaderboard.js';
import { configureSandbox, sandboxState, until, withoutNames } from '../helpers.js';
import { $, $$, deepElements, stateText, stateTitle, text } from '../dom.js';

const ROOM = '1_sandboxroom';

const IMG = '<img src=x onerror=alert(1)>';
const STYLE = '</style><script>alert(1)</script>';
const RTL = '\u202Eexe.txt';
const HUGE = 'W'.repeat(10 * 1024); // 10 KB without a single break opportunity
const EMOJI = '👩🏽‍💻 🎉 🏳️‍🌈';
const JS_URL = 'javascript:alert(1)';
const DATA_URL = 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>';
const HOSTILE = [IMG, STYLE, RTL, HUGE, EMOJI];

// ---------------------------------------------------------------- set-up, restored after each test

const saved = { ...currentConfig() };
const restores: Array<() => void> = [];
afterEach(() => {
  while (restores.length) restores.pop()!();
  configure({ ...saved, partnerId: saved.partnerId, getKs: saved.getKs, tokenEndpoint: saved.tokenEndpoint, retryDelaysMs: saved.retryDelaysMs });
});

interface Env {
  partnerId: number;
  errors: KalErrorDetail[];
  loads: number;
  alerts: unknown[];
  tokenCalls: () => number;
}

function setUp(): Env {
  const { partnerId, contexts } = configureSandbox();
  const env: Env = { partnerId, errors: [], loads: 0, alerts: [], tokenCalls: () => contexts.length };
  const onError = (event: Event) => env.errors.push((event as CustomEvent<KalErrorDetail>).detail);
  const onLoad = () => (env.loads += 1);
  document.addEventListener('kal-error', onError);
  document.addEventListener('kal-load', onLoad);
  const realAlert = window.alert;
  window.alert = (...args: unknown[]) => void env.alerts.push(args);
  restores.push(() => {
    document.removeEventListener('kal-error', onError);
    document.removeEventListener('kal-load', onLoad);
    window.alert = realAlert;
  });
  return env;
}

/** Answers service calls whose URL contains `path` with `json` (once per call), at the network edge. */
function serve(path: string, json: unknown): void {
  const previous = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes(path)) return previous(input, init);
    return Promise.resolve(new Response(JSON.stringify(json), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  };
  restores.push(() => (window.fetch = previous));
}

/** An image the kit may show: https, or this page's own origin. */
function safeImage(src: string | null): boolean {
  if (!src) return false;
  const url = new URL(src, document.baseURI);
  return url.protocol === 'https:' || url.origin === location.origin;
}

/** Nothing from the data became markup: no script, no handler attribute, no image from data, no alert. */
function expectInert(env: Env, element: Element): void {
  for (const node of deepElements(element)) {
    expect(node.localName, 'a script element').to.not.equal('script');
    for (const name of node.getAttributeNames()) expect(name.startsWith('on'), `${node.localName}[${name}]`).to.equal(false);
    if (node.localName === 'img') expect(safeImage(node.getAttribute('src')), `img src ${node.getAttribute('src')}`).to.equal(true);
    if (node.localName === 'style') expect(node.textContent ?? '').to.not.contain('alert');
  }
  expect(env.alerts).to.deep.equal([]);
}

/** The literal strings are in the element's text, as typed. */
function expectLiteral(element: Element, ...strings: string[]): void {
  const shown = element.shadowRoot!.textContent ?? '';
  for (const value of strings) expect(shown.includes(value), `the text shows ${JSON.stringify(value.slice(0, 40))}`).to.equal(true);
}

const WIDTH = 360;

/** Mounts `template` in a 360 px wide container. */
async function mountIn(template: unknown): Promise<{ container: HTMLElement; element: HTMLElement }> {
  const container = await fixture<HTMLElement>(html`<div class="hostile-container">${template}</div>`);
  // Set through the CSSOM: no style attribute in the markup.
  container.style.inlineSize = `${WIDTH}px`;
  return { container, element: container.firstElementChild as HTMLElement };
}

/** The element stays inside its container: long text wraps instead of widening it. */
function expectContained(container: HTMLElement, element: HTMLElement): void {
  const tolerance = 2;
  const { left, right } = container.getBoundingClientRect();
  // Tabs past the end of their strip scroll into view (the strip itself must fit).
  const outside = deepElements(element)
    .filter((node) => !node.parentElement?.closest('[part~=tabs]'))
    .map((node) => ({ node, box: node.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && box.height > 0 && (box.right > right + tolerance || box.left < left - tolerance))
    .map(({ node, box }) => `${node.localName}.${node.getAttribute('class') ?? ''}[${node.getAttribute('part') ?? ''}] ${Math.round(box.left)}…${Math.round(box.right)}`);
  expect(outside, `boxes outside ${Math.round(left)}…${Math.round(right)}`).to.deep.equal([]);
  expect(element.scrollWidth, 'the element scrolls no wider than its container').to.be.at.most(WIDTH + tolerance);
  expect(container.scrollWidth, 'the container is not widened').to.be.at.most(WIDTH + tolerance);
}

// ---------------------------------------------------------------- data from the services

describe('hostile data: <kal-leaderboard>', () => {
  const rows = [IMG, STYLE, RTL, HUGE, EMOJI].map((name, index) => ({
    userId: `user-${index + 1}`,
    rank: index + 1,
    score: 1000 - index,
    fullName: name,
    avatarUrl: [JS_URL, DATA_URL, 'http://tracker.example.com/a.png', JS_URL, DATA_URL][index],
  }));

  it('shows names, board and tab names from the service as inert text, inside its box, without unsafe avatars', async () => {
    const env = setUp();
    serve('leaderboard/get', {
      id: 'lb_conference',
      name: `${IMG}${STYLE} ${HUGE}`,
      status: 'enabled',
      subLeaderboards: [
        { id: 0, name: HUGE },
        { id: 1, name: `${RTL} ${EMOJI}` },
      ],
    });
    serve('userScore/list', { totalCount: rows.length, objects: rows });
    const { container, element } = await mountIn(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    await until(() => env.loads > 0 && $$(element, 'tbody tr').length === rows.length, 'the rows');
    await (element as KalLeaderboard).updateComplete;
    expect(env.errors).to.deep.equal([]);
    expect(text($(element, '[part=title]'))).to.equal(`${IMG}${STYLE} ${HUGE}`);
    expectLiteral(element, ...HOSTILE, `${RTL} ${EMOJI}`);
    expect($$(element, 'img')).to.have.length(0);
    expectInert(env, element);
    expectContained(container, element);
  });

  it('shows names and avatars from resolveUsers as inert text, refusing javascript: and data: avatars', async () => {
    const env = setUp();
    restores.push(withoutNames());
    const { container, element } = await mountIn(html`<kal-leaderboard leaderboard-id="lb_conference" page-size="10"></kal-leaderboard>`);
    const board = element as KalLeaderboard;
    board.resolveUsers = async (ids) => {
      const answer: ResolvedUsers = {};
      ids.forEach((id, index) => {
        answer[id] = { name: HOSTILE[index % HOSTILE.length]!, avatarUrl: index % 2 ? JS_URL : DATA_URL };
      });
      return answer;
    };
    await until(() => env.loads > 0 && text($(element, 'tbody')).includes(HUGE), 'the resolved names');
    await board.updateComplete;
    expectLiteral(element, ...HOSTILE);
    expect($$(element, 'img')).to.have.length(0);
    expectInert(env, element);
    expectContained(container, element);
  });
});

describe('hostile data: <kal-badge-progress>', () => {
  const definitions = {
    totalCount: 4,
    objects: [
      { id: 'badge_attendee', virtualEventIds: ['12345'], name: IMG, description: `${STYLE} ${RTL}`, iconUrl: JS_URL, rules: [{ id: 'sessions', name: HUGE, goal: 3 }] },
      { id: 'badge_pollster', virtualEventIds: ['12345'], name: HUGE, description: HUGE, iconUrl: DATA_URL, rules: [{ id: 'polls', name: EMOJI, goal: 1 }] },
      { id: 'badge_marathon', virtualEventIds: ['12345'], name: `${RTL} ${EMOJI}`, description: IMG, iconUrl: 'http://tracker.example.com/badge.png', rules: [{ id: 'minutes', name: STYLE, goal: 60 }] },
      { id: 'badge_quiz', virtualEventIds: [12345], name: STYLE, iconUrl: ' javascript:alert(1)', rules: [] },
    ],
  };

  for (const layout of ['grid', 'list', 'compact'] as const) {
    it(`${layout}: names, descriptions and rule names as inert text, placeholders for unsafe icons, inside its box`, async () => {
      const env = setUp();
      serve('/badge/list', definitions);
      const { container, element } = await mountIn(html`<kal-badge-progress virtual-event-id="12345" layout=${layout}></kal-badge-progress>`);
      await until(() => env.loads > 0 && $$(element, '[part~=badge]').length === 4, 'the badges');
      expect(env.errors).to.deep.equal([]);
      expectLiteral(element, IMG, STYLE, HUGE, `${RTL} ${EMOJI}`);
      if (layout !== 'compact') expectLiteral(element, `${STYLE} ${RTL}`, EMOJI);
      // No icon URL was safe: every badge shows the built-in placeholder, and no image exists.
      expect($$(element, 'img')).to.have.length(0);
      expect($$(element, 'svg.placeholder')).to.have.length(4);
      expectInert(env, element);
      if (layout === 'compact') {
        // Open each tooltip: its text is inert and stays inside too.
        for (const chip of $$<HTMLButtonElement>(element, 'button.chip')) {
          chip.focus();
          await until(() => $$(element, '[role=tooltip]:not([hidden])').length === 1, 'the tooltip');
          await (element as KalBadgeProgress).updateComplete;
          expectInert(env, element);
          expectContained(container, element);
        }
        expectLiteral(element, EMOJI);
      }
      expectContained(container, element);
    });
  }
});

describe('hostile data: <kal-certificate-progress>', () => {
  it('shows names, entry names and rule names as inert text, a description with markup as its text, no unsafe link, inside its box', async () => {
    const env = setUp();
    serve('certificate/get', {
      id: 'cert_cpe',
      name: `${IMG} ${HUGE}`,
      description: `${IMG}${STYLE} <p>${EMOJI}</p><ul><li><a href="${JS_URL}">${HUGE}</a></li></ul>`,
      status: 'enabled',
      certificateEligibility: 'perEntry',
      certifiedCreditsThreshold: 1,
      host: JS_URL,
      creditsMapping: `credits,${IMG}\n1,${HUGE}`,
    });
    serve('userCertificateReport/list', {
      totalCount: 2,
      objects: [
        { userId: 'viewer@example.com', entryId: IMG, entryName: `${RTL} ${EMOJI}`, credits: 1, status: 'CERTIFIED', certificationDate: STYLE },
        { userId: 'viewer@example.com', entryId: HUGE, entryName: STYLE, credits: 0.5, status: 'IN_PROGRESS' },
      ],
    });
    serve('userScore/ruleProgress', { rulesData: [{ id: IMG, name: HUGE, progress: 1, completed: false, points: 1.5 }] });
    const { container, element } = await mountIn(html`<kal-certificate-progress certificate-id="cert_cpe"></kal-certificate-progress>`);
    await until(() => env.loads > 0 && $$(element, '[part~=entry]').length === 2, 'the entries');
    expect(env.errors).to.deep.equal([]);
    expectLiteral(element, `${IMG} ${HUGE}`, `${RTL} ${EMOJI}`, STYLE, HUGE);
    // The description's markup was read as markup and dropped; its text is shown.
    const blocks = $$(element, '[part=description] p, [part=description] li').map((block) => text(block));
    expect(blocks.length === 2 && blocks[0] === EMOJI && blocks[1] === HUGE, 'the description as a paragraph and a list item').to.equal(true);
    expect($$(element, 'img, a')).to.have.length(0);
    expectInert(env, element);
    expectContained(container, element);
  });
});

describe('hostile data: <kal-points-guide>', () => {
  it('shows rule names and descriptions as inert text inside its box', async () => {
    const env = setUp();
    const hostileRule = (id: string, name: string, description: string) => ({ id, name, description, points: '5', maxPoints: '50', groupBy: 'kuserId' });
    serve('/rule/list', {
      totalCount: 4,
      objects: [hostileRule('a', IMG, `${STYLE} ${RTL}`), hostileRule('b', HUGE, HUGE), hostileRule('c', `${RTL} ${EMOJI}`, IMG), hostileRule('d', STYLE, EMOJI)],
    });
    const { container, element } = await mountIn(html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`);
    await until(() => env.loads > 0 && $$(element, '[part~=rule]').length === 4, 'the rules');
    expect(env.errors).to.deep.equal([]);
    expectLiteral(element, ...HOSTILE, `${STYLE} ${RTL}`, `${RTL} ${EMOJI}`);
    expectInert(env, element);
    expectContained(container, element);
  });
});

describe('hostile data: <kal-unsubscribe-prefs>', () => {
  it('shows organiser labels and descriptions, and group ids only the server knows, as inert text inside its box', async () => {
    const env = setUp();
    serve('userGroupsStatus', { unsubscribedGroups: ['marketing-emails', IMG, HUGE] });
    const { container, element } = await mountIn(html`<kal-unsubscribe-prefs>
      <kal-pref-group group-id="event-updates" label=${IMG} description=${STYLE}></kal-pref-group>
      <kal-pref-group group-id="weekly-digest" label=${HUGE} description=${HUGE}></kal-pref-group>
      <kal-pref-group group-id="session-reminders" label=${RTL} description=${EMOJI}></kal-pref-group>
      <kal-pref-group group-id="marketing-emails">${STYLE}</kal-pref-group>
    </kal-unsubscribe-prefs>`);
    await until(() => env.loads > 0 && $$(element, '[part~=group]').length === 6, 'the groups');
    expect(env.errors).to.deep.equal([]);
    expect($$(element, '[part~=label]').map((label) => label.textContent)).to.deep.equal([IMG, HUGE, RTL, STYLE, IMG, HUGE]);
    expectLiteral(element, ...HOSTILE);
    expectInert(env, element);
    expectContained(container, element);
  });

  it('one-click: a label with a right-to-left override cannot reverse the rest of the question', async () => {
    const env = setUp();
    const { container, element } = await mountIn(html`<kal-unsubscribe-prefs unsubscribe-group="event-updates">
      <kal-pref-group group-id="event-updates" label=${RTL}></kal-pref-group>
    </kal-unsubscribe-prefs>`);
    await until(() => env.loads > 0 && !!$(element, '.one-click__question'), 'the one-click question');
    const question = $(element, '.one-click__question')!;
    expect(question.textContent).to.contain(RTL);
    expect(question.textContent!.trim().endsWith('?')).to.equal(true);
    // Laid out left to right, the final "?" is the rightmost character of the sentence.
    const node = [...question.childNodes].find((child): child is Text => child.nodeType === Node.TEXT_NODE && child.textContent!.includes('?'))!;
    const range = document.createRange();
    range.selectNodeContents(question);
    const whole = range.getBoundingClientRect();
    const end = node.data.lastIndexOf('?');
    range.setStart(node, end);
    range.setEnd(node, end + 1);
    expect(range.getBoundingClientRect().right, 'the "?" ends the line').to.be.closeTo(whole.right, 1);
    expectInert(env, element);
    expectContained(container, element);
  });
});

describe('hostile data: <kal-event-agenda>', () => {
  it('shows the event, session names, types and descriptions as inert text inside its box; a bad zone is ignored', async () => {
    const env = setUp();
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    serve('/events/list', { events: [{ id: 7001, name: `${IMG}${STYLE} ${HUGE}`, status: 'live', timezone: IMG, description: `${STYLE} ${RTL}` }] });
    serve('/sessions/list', {
      sessions: [
        { id: IMG, name: IMG, type: STYLE, startDate: at(-10), endDate: at(50), description: HUGE, visibility: 'published' },
        { id: 2, name: HUGE, type: HUGE, startDate: at(5), endDate: at(60), description: `${RTL} ${EMOJI}` },
        { id: 3, name: `${RTL} ${EMOJI}`, type: 'LiveWebcast', startDate: at(120), endDate: at(180), description: IMG },
      ],
    });
    const { container, element } = await mountIn(html`<kal-event-agenda event-id="7001"></kal-event-agenda>`);
    await until(() => env.loads > 0 && $$(element, '[part~=session]').length === 3, 'the sessions');
    expect(env.errors).to.deep.equal([]);
    expect(text($(element, '[part=title]'))).to.equal(`${IMG}${STYLE} ${HUGE}`);
    expectLiteral(element, ...HOSTILE, `${STYLE} ${RTL}`, `${RTL} ${EMOJI}`);
    // A time zone the browser does not know is not named.
    expect($(element, '[part=zone]')).to.equal(null);
    expectInert(env, element);
    expectContained(container, element);
  });
});

describe('hostile data: <kal-room-embed>', () => {
  it('shows a hostile room name as inert text, before and after joining, inside its box', async () => {
    const env = setUp();
    const name = `${IMG} ${HUGE}`;
    const { container, element } = await mountIn(html`<kal-room-embed entry-id=${ROOM} room-name=${name}></kal-room-embed>`);
    await until(() => !!$(element, '[part~=join]'), 'the Join card');
    expectLiteral(element, IMG, HUGE);
    expectInert(env, element);
    expectContained(container, element);
    $<HTMLButtonElement>(element, '[part~=join]')!.click();
    await until(() => env.loads > 0, 'the room');
    expect($(element, 'iframe')!.title).to.equal(`Meeting room: ${name}`);
    expectInert(env, element);
    expectContained(container, element);
  });
});

// ---------------------------------------------------------------- attribute values

type Expect = 'config' | 'default';

interface AttributeCase {
  tag: string;
  base: Record<string, string>;
  attribute: string;
  values: Array<[string, Expect]>;
  /** The words the `kal-error` message names. */
  words: string;
  /** What the person reads. */
  seen: string;
  /** What the person sees when a default applies instead. */
  showsDefault?: (element: HTMLElement) => boolean;
}

const CONFIG_SEEN = 'This widget is not set up correctly.';
const NUMBERS: Array<[string, Expect]> = [
  ['', 'config'],
  ['1e309', 'config'],
  ['-5', 'config'],
  ['NaN', 'config'],
  ['ten', 'config'],
];
const LEADERBOARD = { 'leaderboard-id': 'lb_conference' };
const BADGES = { 'virtual-event-id': '12345' };
const AUTO_ROOM = { 'entry-id': ROOM, join: 'auto' };
const CERTIFICATE = { 'certificate-id': 'cert_course' };
const POINTS = { 'leaderboard-id': 'lb_conference' };
const badgesShown = (element: HTMLElement) => $$(element, '[part~=badge]').length === 6;

const ATTRIBUTE_CASES: AttributeCase[] = [
  { tag: 'kal-leaderboard', base: LEADERBOARD, attribute: 'page-size', values: [...NUMBERS, ['2.5', 'config'], ['500', 'config']], words: 'page-size', seen: CONFIG_SEEN },
  { tag: 'kal-leaderboard', base: LEADERBOARD, attribute: 'refresh-interval', values: NUMBERS, words: 'refresh-interval', seen: CONFIG_SEEN },
  { tag: 'kal-leaderboard', base: LEADERBOARD, attribute: 'layout', values: [['', 'config'], ['grid', 'config'], [IMG, 'config']], words: 'layout', seen: CONFIG_SEEN },
  { tag: 'kal-leaderboard', base: {}, attribute: 'leaderboard-id', values: [['', 'config'], ['   ', 'config']], words: 'leaderboard-id', seen: CONFIG_SEEN },
  { tag: 'kal-leaderboard', base: LEADERBOARD, attribute: 'partner-id', values: NUMBERS, words: 'partner-id', seen: CONFIG_SEEN },
  {
    tag: 'kal-badge-progress',
    base: BADGES,
    attribute: 'layout',
    // Empty means the documented default (grid).
    values: [['', 'default'], ['1e309', 'config'], ['table', 'config'], [IMG, 'config']],
    words: 'layout',
    seen: CONFIG_SEEN,
    showsDefault: badgesShown,
  },
  {
    tag: 'kal-badge-progress',
    base: BADGES,
    attribute: 'sort',
    values: [['', 'default'], ['NaN', 'config'], ['achieved', 'config'], [IMG, 'config']],
    words: 'sort',
    seen: CONFIG_SEEN,
    showsDefault: badgesShown,
  },
  { tag: 'kal-badge-progress', base: BADGES, attribute: 'refresh-interval', values: NUMBERS, words: 'refresh-interval', seen: CONFIG_SEEN },
  { tag: 'kal-badge-progress', base: {}, attribute: 'badge-ids', values: [['', 'config'], [' , ,', 'config']], words: 'badge-ids', seen: CONFIG_SEEN },
  { tag: 'kal-badge-progress', base: BADGES, attribute: 'partner-id', values: NUMBERS, words: 'partner-id', seen: CONFIG_SEEN },
  { tag: 'kal-certificate-progress', base: CERTIFICATE, attribute: 'refresh-interval', values: NUMBERS, words: 'refresh-interval', seen: CONFIG_SEEN },
  { tag: 'kal-certificate-progress', base: {}, attribute: 'certificate-id', values: [['', 'config'], ['   ', 'config']], words: 'certificate-id', seen: CONFIG_SEEN },
  { tag: 'kal-certificate-progress', base: CERTIFICATE, attribute: 'partner-id', values: NUMBERS, words: 'partner-id', seen: CONFIG_SEEN },
  { tag: 'kal-points-guide', base: {}, attribute: 'leaderboard-id', values: [['', 'config'], ['   ', 'config']], words: 'leaderboard-id', seen: CONFIG_SEEN },
  { tag: 'kal-points-guide', base: POINTS, attribute: 'refresh-interval', values: NUMBERS, words: 'refresh-interval', seen: CONFIG_SEEN },
  { tag: 'kal-points-guide', base: POINTS, attribute: 'partner-id', values: NUMBERS, words: 'partner-id', seen: CONFIG_SEEN },
  { tag: 'kal-unsubscribe-prefs', base: {}, attribute: 'partner-id', values: NUMBERS, words: 'partner-id', seen: CONFIG_SEEN },
  {
    tag: 'kal-event-agenda',
    base: {},
    attribute: 'event-id',
    values: [...NUMBERS, ['   ', 'config'], ['12.5', 'config'], ['9'.repeat(20), 'config'], [HUGE, 'config'], [IMG, 'config']],
    words: 'event-id',
    seen: CONFIG_SEEN,
  },
  { tag: 'kal-event-agenda', base: { 'event-id': '7001' }, attribute: 'partner-id', values: NUMBERS, words: 'partner-id', seen: CONFIG_SEEN },
  { tag: 'kal-room-embed', base: AUTO_ROOM, attribute: 'load-timeout', values: NUMBERS, words: 'load-timeout', seen: CONFIG_SEEN },
  {
    tag: 'kal-room-embed',
    base: { join: 'auto' },
    attribute: 'entry-id',
    values: [['', 'config'], ['   ', 'config'], [HUGE, 'config'], [IMG, 'config'], ['1_x/../../admin', 'config'], [JS_URL, 'config']],
    words: 'entry-id',
    seen: 'This meeting room is not set up correctly: no valid room was given.',
  },
  {
    tag: 'kal-room-embed',
    base: AUTO_ROOM,
    attribute: 'kaf-host',
    values: [[HUGE, 'config'], [JS_URL, 'config'], [IMG, 'config'], ['-5', 'config'], ['https://evil.example.com/x', 'config']],
    words: 'kaf-host',
    seen: 'This meeting room is not set up correctly: its address is not valid.',
  },
  { tag: 'kal-room-embed', base: AUTO_ROOM, attribute: 'partner-id', values: NUMBERS, words: 'partner-id', seen: CONFIG_SEEN },
];

const label = (value: string) => (value.length > 24 ? `${JSON.stringify(value.slice(0, 12))}… (${value.length} chars)` : JSON.stringify(value));

describe('hostile attribute values', () => {
  for (const attributeCase of ATTRIBUTE_CASES) {
    for (const [value, expected] of attributeCase.values) {
      it(`${attributeCase.tag} ${attributeCase.attribute}=${label(value)}: ${expected === 'config' ? 'a config error' : 'the documented default'}`, async () => {
        const env = setUp();
        const container = await fixture<HTMLElement>(html`<div></div>`);
        const element = document.createElement(attributeCase.tag);
        for (const [name, baseValue] of Object.entries(attributeCase.base)) element.setAttribute(name, baseValue);
        element.setAttribute(attributeCase.attribute, value);
        if (attributeCase.tag === 'kal-unsubscribe-prefs') {
          const group = document.createElement('kal-pref-group');
          group.setAttribute('group-id', 'event-updates');
          group.setAttribute('label', 'Event updates');
          element.append(group);
        }
        // The listeners are already on the document: an error of the first render is heard.
        container.append(element);

        if (expected === 'default') {
          await until(() => env.loads > 0 && attributeCase.showsDefault!(element), 'the default rendering');
          expect(env.errors).to.deep.equal([]);
          return;
        }
        await until(() => env.errors.length > 0, 'kal-error');
        await until(() => !!$(element, '[part~=error]'), 'the error state');
        expect(env.errors).to.have.length(1);
        expect(env.errors[0]).to.include({ code: 'config', retryable: false });
        expect(env.errors[0]!.message).to.contain(attributeCase.words);
        const shown = $(element, '[part~=error]')!;
        expect(shown.getAttribute('role')).to.equal('alert');
        expect(stateTitle(shown)).to.equal('Setup needed');
        expect(stateText(shown)).to.equal(attributeCase.seen);
        expect($(element, '[part~=retry]'), 'no pointless retry').to.equal(null);
        expect($(element, 'iframe')).to.equal(null);
        expectInert(env, element);
        // Refused before anything was asked of the host or the service.
        expect(env.tokenCalls()).to.equal(0);
        expect((await sandboxState(env.partnerId)).calls).to.have.length(0);
      });
    }
  }
});
