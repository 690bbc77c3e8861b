// Load and economy (issue 8): what a page full of widgets, a hidden tab and several open tabs cost
// the services. Game reads are counted as the kit sends them to the Game proxy (the proxy's own
// look-ups, policies and names, are its business); the rest in the sandbox's call log (per partner).
import { expect } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import '../../../src/components/badge-progress/define.js';
import type { KalBadgeProgress } from '../../../src/components/badge-progress/kal-badge-progress.js';
import '../../../src/components/leaderboard/define.js';
import type { KalLeaderboard } from '../../../src/components/leaderboard/kal-leaderboard.js';
import { LiveController } from '../../../src/components/shared/live-controller.js';
import { configure, currentConfig } from '../../../src/config.js';
import {
  FAST_RETRIES,
  SANDBOX_URLS,
  type SandboxCall,
  configureSandbox,
  newPartner,
  sandboxPost,
  sandboxState,
  until,
} from '../helpers.js';
import { text } from '../dom.js';

const BADGES = 'badge_attendee,badge_marathon,badge_quiz';
/** The shortest live interval the elements accept, in seconds. */
const INTERVAL = 5;

const saved = { ...currentConfig() };
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  configure({ ...saved, getKs: saved.getKs, tokenEndpoint: saved.tokenEndpoint });
});

const setUp = () => configureSandbox();

/** A container on the page (removed after the test) laid out so every widget in it is on screen. */
function stage(markup: string, columns = 1): HTMLElement {
  const host = document.createElement('div');
  host.className = 'economy-stage';
  // Test-page layout only (the kit itself never sets inline styles).
  host.style.cssText = `display:grid;grid-template-columns:repeat(${columns},minmax(0,1fr));gap:4px;font-size:10px`;
  host.innerHTML = markup;
  cleanups.push(() => host.remove());
  return host;
}

function countByPath(calls: Array<Pick<SandboxCall, 'path'>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) {
    const action = call.path.split('/').slice(-2).join('/');
    counts[action] = (counts[action] ?? 0) + 1;
  }
  return counts;
}

/** The Game reads the kit sends (to the Game proxy), from every window of this page, until the test ends. */
function recordGameReads(): Array<{ path: string }> {
  const sent: Array<{ path: string }> = [];
  const previous = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/api/game/')) sent.push({ path: new URL(url, location.href).pathname });
    return previous(input, init);
  };
  cleanups.push(() => (window.fetch = previous));
  return sent;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('economy: 50 widgets on one page', () => {
  it('make one token call and read each distinct thing once', async () => {
    const { partnerId, contexts } = setUp();
    const reads = recordGameReads();
    const markup = [
      ...Array.from({ length: 20 }, () => '<kal-leaderboard leaderboard-id="lb_conference" page-size="10"></kal-leaderboard>'),
      ...Array.from({ length: 10 }, () => '<kal-leaderboard leaderboard-id="lb_conference" page-size="5"></kal-leaderboard>'),
      ...Array.from({ length: 20 }, () => `<kal-badge-progress badge-ids="${BADGES}" layout="compact"></kal-badge-progress>`),
    ].join('');
    const host = stage(markup, 5);
    const loaded = new Set<EventTarget>();
    const errors: unknown[] = [];
    host.addEventListener('kal-load', (event) => loaded.add(event.target!));
    host.addEventListener('kal-error', (event) => errors.push((event as CustomEvent).detail));
    document.body.append(host);
    await until(() => loaded.size === 50 || errors.length > 0, 'all 50 widgets to show their data', 15_000);
    expect(errors).to.deep.equal([]);

    // What the people see: every widget drew its data.
    const boards = [...host.querySelectorAll<KalLeaderboard>('kal-leaderboard')];
    const badges = [...host.querySelectorAll<KalBadgeProgress>('kal-badge-progress')];
    expect(boards.every((board) => text(board.shadowRoot!.querySelector('[part=title]')) === 'Conference Engagement')).to.equal(true);
    // Two of the top ten are hidden speakers (participation policy): 8 rows of 10, 3 of 5.
    expect(boards.map((board) => board.shadowRoot!.querySelectorAll('tbody tr').length).sort()).to.deep.equal([
      ...Array(20).fill(8),
      ...Array(10).fill(3),
    ].sort());
    expect(badges.every((badge) => badge.shadowRoot!.querySelectorAll('[part~=badge]').length === 3)).to.equal(true);

    // One token call for the whole page.
    expect(contexts.map((context) => context.reason)).to.deep.equal(['initial']);
    const state = await sandboxState(partnerId);
    expect(state.tokenCalls).to.equal(1);
    // One read per distinct question: the board once, each page size's first page once, the
    // viewer's own row once (rank 57 is on neither page), the badge definitions once, and the
    // viewer's progress once per badge.
    expect(countByPath(reads)).to.deep.equal({
      'leaderboard/get': 1,
      'userScore/list': 2,
      'userScore/get': 1,
      'badge/list': 1,
      'userScore/ruleProgress': 3,
    });
  }).timeout(30_000);
});

describe('economy: hidden tabs', () => {
  it('make no requests, and refresh at once when shown again', async () => {
    const { partnerId } = setUp();
    const host = stage(
      `<kal-leaderboard leaderboard-id="lb_conference" page-size="3" live refresh-interval="${INTERVAL}"></kal-leaderboard>` +
        `<kal-badge-progress badge-ids="badge_attendee" layout="compact" live refresh-interval="${INTERVAL}"></kal-badge-progress>`,
      2,
    );
    const loaded = new Set<EventTarget>();
    host.addEventListener('kal-load', (event) => loaded.add(event.target!));
    document.body.append(host);
    await until(() => loaded.size === 2, 'both widgets to load');

    // Every request the page makes from here on (token calls included).
    const fetched: string[] = [];
    const originalFetch = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return originalFetch(input, init);
    }) as typeof window.fetch;
    cleanups.push(() => {
      window.fetch = originalFetch;
    });

    // The person switches to another tab.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    cleanups.push(() => delete (document as unknown as Record<string, unknown>).visibilityState);
    document.dispatchEvent(new Event('visibilitychange'));
    const before = (await sandboxState(partnerId)).calls.length;
    fetched.length = 0;
    // Past the longest jittered interval (5 s + 10 %): a visible tab would have refreshed by now.
    await sleep(INTERVAL * 1100 + 500);
    expect(fetched.filter((url) => !url.includes('/sandbox/control'))).to.deep.equal([]);
    expect((await sandboxState(partnerId)).calls.length).to.equal(before);

    // Back to this tab: the refreshes that came due while hidden start now (in this very turn of
    // the event loop), not when some timer fires.
    delete (document as unknown as Record<string, unknown>).visibilityState;
    expect(document.visibilityState).to.equal('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await sleep(0);
    const started = fetched.map((url) => url.split('/').slice(-2).join('/'));
    expect(started).to.include('userScore/list');
    expect(started).to.include('badge/list');
    await until(async () => {
      const counts = countByPath((await sandboxState(partnerId)).calls.slice(before));
      return (counts['userScore/list'] ?? 0) >= 1 && (counts['badge/list'] ?? 0) >= 1;
    }, 'the service to see both refreshes');
  }).timeout(30_000);
});

describe('economy: jittered refresh times', () => {
  /** Records the delays of the timers LiveController schedules (found by the scheduling code's stack). */
  function spyOnLiveTimers(): number[] {
    const delays: number[] = [];
    const original = window.setTimeout;
    window.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
      if (/live-controller/.test(new Error().stack ?? '')) delays.push(Number(timeout));
      return original(handler, timeout, ...rest);
    }) as typeof window.setTimeout;
    cleanups.push(() => {
      window.setTimeout = original;
    });
    return delays;
  }

  class LiveHost extends ReactiveElement {}
  before(() => customElements.define('economy-live-host', LiveHost));

  it('LiveController spreads refreshes within ±10 % of the interval', async () => {
    const delays = spyOnLiveTimers();
    const hosts = Array.from({ length: 12 }, () => {
      const host = new LiveHost();
      new LiveController(host, { enabled: () => true, intervalSeconds: () => 30, shownAt: () => undefined, refresh: () => undefined });
      return host;
    });
    const host = stage('');
    document.body.append(host);
    host.append(...hosts);
    await Promise.all(hosts.map((each) => each.updateComplete));
    expect(delays.length).to.be.at.least(12);
    expect(new Set(delays).size, 'delays differ').to.be.at.least(12);
    for (const delay of delays) {
      expect(delay).to.be.within(30_000 * 0.9 - 1, 30_000 * 1.1);
    }
  });

  it('live widgets schedule their refreshes at different, jittered times', async () => {
    setUp();
    const delays = spyOnLiveTimers();
    const host = stage(
      [
        ...Array.from({ length: 3 }, () => `<kal-leaderboard leaderboard-id="lb_conference" page-size="1" live refresh-interval="${INTERVAL}"></kal-leaderboard>`),
        ...Array.from({ length: 3 }, () => `<kal-badge-progress badge-ids="badge_attendee" layout="compact" live refresh-interval="${INTERVAL}"></kal-badge-progress>`),
      ].join(''),
      3,
    );
    const loaded = new Set<EventTarget>();
    host.addEventListener('kal-load', (event) => loaded.add(event.target!));
    const mounted = Date.now();
    document.body.append(host);
    await until(() => loaded.size === 6, 'the widgets to load');
    const elapsed = Date.now() - mounted;
    expect(delays.length).to.be.at.least(6);
    expect(new Set(delays).size, 'delays differ').to.equal(delays.length);
    // Each delay is the time left of the interval (counted from when the widget went on the page),
    // times a random 0.9–1.1.
    for (const delay of delays) expect(delay).to.be.within(0.9 * (INTERVAL * 1000 - elapsed), 1.1 * INTERVAL * 1000);
  });
});

describe('economy: several tabs', () => {
  interface Tab {
    frame: HTMLIFrameElement;
    win: Window & typeof globalThis & { kit?: { configure: typeof configure } };
  }

  /** A same-origin iframe with its own document and its own copy of the kit: a tab, for the kit. */
  async function openTab(): Promise<Tab> {
    const frame = document.createElement('iframe');
    frame.title = 'tab';
    frame.width = '420';
    frame.height = '300';
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tab</title></head><body>
      <script type="module">
        import { configure } from '/src/config.ts';
        import '/src/components/leaderboard/define.ts';
        window.kit = { configure };
      </script></body></html>`;
    document.body.append(frame);
    cleanups.push(() => frame.remove());
    const tab = { frame, win: frame.contentWindow as Tab['win'] };
    await until(() => !!(frame.contentWindow as Tab['win'])?.kit, 'the tab to load the kit', 15_000);
    tab.win = frame.contentWindow as Tab['win'];
    return tab;
  }

  it('coordinate: one tab polls each interval and the other reuses its answer', async () => {
    const partnerId = newPartner();
    const tabs = [await openTab(), await openTab()];
    // Each tab has its own KS source (a token endpoint, as a page without script would).
    const tokenEndpoint = `/sandbox/ks?partnerId=${partnerId}`;
    // Pin the jitter so that tab A's timer always fires about a second before tab B's: which tab
    // polls is then known. (Jitter itself is tested above.)
    tabs[0]!.win.Math.random = () => 0.05;
    tabs[1]!.win.Math.random = () => 0.95;
    const boards = tabs.map(({ win }) => {
      win.kit!.configure({ partnerId, serviceUrls: SANDBOX_URLS, tokenEndpoint, retryDelaysMs: FAST_RETRIES });
      const board = win.document.createElement('kal-leaderboard');
      board.setAttribute('leaderboard-id', 'lb_conference');
      board.setAttribute('page-size', '3');
      board.setAttribute('refresh-interval', String(INTERVAL));
      board.toggleAttribute('live', true);
      return board as KalLeaderboard;
    });
    const loaded = new Set<EventTarget>();
    const errors: unknown[] = [];
    for (const board of boards) {
      board.addEventListener('kal-load', () => loaded.add(board));
      board.addEventListener('kal-error', (event) => errors.push((event as CustomEvent).detail));
    }
    tabs.forEach(({ win }, index) => win.document.body.append(boards[index]!));
    await until(() => loaded.size === 2 || errors.length > 0, 'both tabs to load');
    expect(errors).to.deep.equal([]);

    const pinned = (board: KalLeaderboard) => text(board.shadowRoot!.querySelector('[part~=pinned]'));
    const lists = async () => (await sandboxState(partnerId)).calls.filter((call) => call.path.endsWith('userScore/list')).length;
    expect(await lists(), 'each tab loads on its own').to.equal(2);
    expect((await sandboxState(partnerId)).tokenCalls, 'one token call per tab').to.equal(2);

    let shown = pinned(boards[0]!);
    // Two intervals. Scores move before each (odd ticks move the viewer): both tabs must show the move.
    for (const [round, steps] of [[1, 1], [2, 2]] as const) {
      await sandboxPost('tick', { partnerId, steps });
      await until(() => pinned(boards[0]!) !== shown, `tab A's refresh ${round}`, 15_000);
      await until(() => pinned(boards[1]!) === pinned(boards[0]!), `tab B's refresh ${round}`, 15_000);
      shown = pinned(boards[0]!);
      // Tab A asked the service; tab B drew A's answer without asking.
      expect(await lists(), `round ${round}`).to.equal(2 + round);
    }
    // Game Services as the proxy met them (its API v3 look-ups for names and policies left out).
    const { 'leaderboard/get': boardReads, ...counts } = countByPath((await sandboxState(partnerId)).calls.filter((call) => call.path.includes('/scm/')));
    // Initial loads (2 each), then one poll per interval (2 intervals) for all three reads; the proxy
    // reads the board's policy itself at most once, when a score read outruns the relayed board read.
    expect(counts).to.deep.equal({ 'userScore/list': 4, 'userScore/get': 4 });
    expect(boardReads).to.be.within(4, 5);
    expect((await sandboxState(partnerId)).tokenCalls).to.equal(2);
  }).timeout(40_000);
});
