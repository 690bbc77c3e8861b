import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { configure, currentConfig } from '../../../src/config.js';
import '../../../src/components/leaderboard/define.js';
import { checkSettings, privacySafeId } from '../../../src/components/leaderboard/helpers.js';
import type { KalLeaderboard } from '../../../src/components/leaderboard/kal-leaderboard.js';
import type { KalErrorDetail } from '../../../src/api/errors.js';
import { callsTo, configureSandbox, control, sandboxPost, until, withoutNames } from '../helpers.js';
import { $, $$, mountFailing, mountLoaded, stateText, stateTitle, text } from '../dom.js';

const VIEWER = 'viewer@example.com';

// The seeded participation policy (sandbox/README.md, "Seeded data"): on lb_conference the admin's #1 and
// #4 are hidden speakers (do_not_display), so the Game proxy drops their rows and keeps the service's
// ranks; staff (do_not_save) are not ranked at all. Page 1 of ten shows eight rows.
const CONFERENCE_PAGE_1 = ['2', '3', '5', '6', '7', '8', '9', '10'];

const saved = { ...currentConfig() };
/** Clean-ups for the current test (e.g. `withoutNames()`), run last in, first out. */
const restores: Array<() => void> = [];
afterEach(async () => {
  while (restores.length) restores.pop()!();
  configure({ ...saved, getKs: saved.getKs, tokenEndpoint: saved.tokenEndpoint });
  await emulateMedia({ reducedMotion: 'no-preference' });
});

/** A fresh sandbox partner, configured page-wide (a v2 KS unless asked otherwise). */
const setUp = (format: 'v1' | 'v2' = 'v2'): number => configureSandbox({ format }).partnerId;

const rows = (element: Element) => $$(element, 'tbody tr');
const ranks = (element: Element) => rows(element).map((row) => text(row.querySelector('.place')));
const names = (element: Element) => rows(element).map((row) => text(row.querySelector('[part~=name]')));
const pagerText = (element: Element) => text($(element, '[part=pager] p'));
const button = (element: Element, page: 'previous' | 'next') => $<HTMLButtonElement>(element, `[data-page=${page}]`)!;
const tabs = (element: Element) => $$<HTMLButtonElement>(element, '[role=tab]');
const pinned = (element: Element) => $(element, '[part~=pinned]');
const liveRegion = (element: Element) => $(element, '[aria-live=polite]');

/** Mounts a template and waits for the leaderboard's `kal-load`. */
const mount = (template: ReturnType<typeof html>) => mountLoaded<KalLeaderboard>(template, 'kal-leaderboard');

async function clickAndLoad(element: KalLeaderboard, target: HTMLElement): Promise<void> {
  const load = oneEvent(element, 'kal-load');
  target.click();
  await load;
  await element.updateComplete;
}

describe('kal-leaderboard: helpers', () => {
  it('never shows a whole email address', () => {
    expect(privacySafeId('ada.lovelace@example.com')).to.equal('ada…@example.com');
    expect(privacySafeId('bo@example.com')).to.equal('b…@example.com');
    expect(privacySafeId('user-42')).to.equal('user-42');
    expect(privacySafeId('Canada')).to.equal('Canada');
    expect(privacySafeId('x'.repeat(40))).to.have.length(31);
  });

  it('checks attributes and clamps a too-short refresh interval', () => {
    expect(checkSettings({ leaderboardId: 'lb', pageSize: undefined, refreshInterval: '1', layout: undefined })).to.deep.equal({
      leaderboardId: 'lb',
      pageSize: 10,
      refreshSeconds: 5,
      layout: 'table',
    });
    expect(() => checkSettings({ leaderboardId: 'lb', pageSize: '2.5', refreshInterval: 30, layout: 'table' })).to.throw(/page-size/);
    expect(() => checkSettings({ leaderboardId: 'lb', pageSize: 10, refreshInterval: 'soon', layout: 'table' })).to.throw(/refresh-interval/);
  });
});

describe('kal-leaderboard', () => {
  it('shows loading, then the title and a page of ranked rows, top three set apart', async () => {
    setUp();
    const load = oneEvent(document, 'kal-load');
    const element = await fixture<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    expect(text($(element, '[part=loading]'))).to.equal('Loading…');
    const { detail } = await load;
    // The hidden #1 and #4 are not shown; the others keep the service's ranks.
    expect(detail.count).to.equal(8);
    expect(text($(element, '[part=title]'))).to.equal('Conference Engagement');
    expect(ranks(element)).to.deep.equal(CONFERENCE_PAGE_1);
    const [second, third, fifth] = rows(element);
    expect(text(second)).to.contain('2nd place');
    expect(text(third)).to.contain('3rd place');
    expect(second!.classList.contains('top-2')).to.equal(true);
    expect(third!.classList.contains('top-3')).to.equal(true);
    expect(fifth!.classList.contains('top')).to.equal(false);
    expect(text(fifth)).not.to.contain('place');
    // Scores are formatted for the locale.
    const score = text(second!.querySelector('[part=score]'));
    expect(score).to.match(/^\d{1,3}(,\d{3})*$/);
    expect(pagerText(element)).to.equal('Page 1 of 500');
    for (const part of ['title', 'tabs', 'table', 'row', 'rank', 'name', 'score', 'pager', 'self']) {
      expect($(element, `[part~=${part}]`), part).not.to.equal(null);
    }
    await expect(element).to.be.accessible();

    // A board whose top ten are all shown (lb_final): the first place is set apart too.
    const full = await mount(html`<kal-leaderboard leaderboard-id="lb_final"></kal-leaderboard>`);
    expect(ranks(full.element)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const [first, , , fourth] = rows(full.element);
    expect(text(first)).to.contain('1st place');
    expect(first!.classList.contains('top-1')).to.equal(true);
    expect(fourth!.classList.contains('top')).to.equal(false);
    expect(text(fourth)).not.to.contain('place');
  });

  it('takes its colours from the --kal-* tokens', async () => {
    setUp();
    const { element } = await mount(
      html`<kal-leaderboard
        leaderboard-id="lb_conference"
        style="--kal-color-highlight: rgb(1, 2, 3); --kal-color-surface: rgb(4, 5, 6)"
      ></kal-leaderboard>`,
    );
    expect(getComputedStyle(pinned(element)!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(rows(element)[4]!.querySelector('td')!).backgroundColor).to.equal('rgb(4, 5, 6)');
  });

  it('pages with previous and next, one page per request', async () => {
    const partnerId = setUp();
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    expect(button(element, 'previous').getAttribute('aria-disabled')).to.equal('true');
    // The sandbox also logs the Game proxy's own reads of the board (its participation policy, cached).
    const boardReads = (await callsTo(partnerId, 'leaderboard/get')).length;
    await clickAndLoad(element, button(element, 'next'));
    expect(pagerText(element)).to.equal('Page 2 of 500');
    expect(ranks(element)[0]).to.equal('11');
    expect(ranks(element)).to.have.length(10);
    await clickAndLoad(element, button(element, 'next'));
    expect(ranks(element)[0]).to.equal('21');
    await clickAndLoad(element, button(element, 'previous'));
    expect(pagerText(element)).to.equal('Page 2 of 500');
    expect(ranks(element)[0]).to.equal('11');
    expect(await callsTo(partnerId, 'userScore/list')).to.have.length(4);
    // Rows are re-rendered in place: no markers pile up page after page.
    expect($(element, 'tbody')!.childNodes.length).to.be.below(3 * 10 + 5);
    // Paging reuses the board's definition.
    expect(await callsTo(partnerId, 'leaderboard/get')).to.have.length(boardReads);
  });

  it('pages a 100,000-user board without downloading it all', async () => {
    const partnerId = setUp();
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_huge" page-size="100"></kal-leaderboard>`);
    // 99,996 ranked (the service's count); the hidden #3 and #9 are not shown.
    expect(pagerText(element)).to.equal('Page 1 of 1,000');
    expect(rows(element)).to.have.length(98);
    expect(ranks(element).slice(0, 9)).to.deep.equal(['1', '2', '4', '5', '6', '7', '8', '10', '11']);
    await clickAndLoad(element, button(element, 'next'));
    expect(ranks(element)[0]).to.equal('101');
    expect(await callsTo(partnerId, 'userScore/list')).to.have.length(2);
    // The viewer (rank 1234) is pinned below.
    expect(text(pinned(element))).to.contain('You · #1,234');
  });

  it('pins the viewer below when off the page, and highlights them on it', async () => {
    setUp();
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    const pin = pinned(element)!;
    expect(pin.getAttribute('part')).to.equal('row self pinned');
    expect(text(pin)).to.contain('You · #57');
    expect(rows(element).some((row) => row.getAttribute('part') === 'row self')).to.equal(false);

    const onPage = await mount(html`<kal-leaderboard leaderboard-id="lb_conference" page-size="60"></kal-leaderboard>`);
    expect(pinned(onPage.element)).to.equal(null);
    const self = rows(onPage.element).filter((row) => row.getAttribute('part') === 'row self');
    expect(self).to.have.length(1);
    expect(text(self[0]!.querySelector('.place'))).to.equal('57');
    expect(text(self[0])).to.contain('You');
    expect(self[0]!.getAttribute('aria-current')).to.equal('true');
    await expect(onPage.element).to.be.accessible();
  });

  it('takes the viewer from a readable KS, or from user-id', async () => {
    setUp('v1');
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    expect(text(pinned(element))).to.contain('You · #57');

    const own = await mount(html`<kal-leaderboard leaderboard-id="lb_conference" user-id=${VIEWER} page-size="60"></kal-leaderboard>`);
    // Rank 57 is the 55th row shown (the hidden #1 and #4 are above it).
    const row57 = rows(own.element).find((row) => text(row.querySelector('.place')) === '57');
    expect(row57!.getAttribute('part')).to.equal('row self');
    expect(rows(own.element).indexOf(row57!)).to.equal(54);
  });

  it('shows ranks 1-based when the service counts from 0', async () => {
    const partnerId = setUp();
    await control(partnerId, { zeroBasedRanks: true });
    // lb_final: its first places are all shown, so page 1 has the service's rank 0 to learn from (on
    // lb_conference the first place is a hidden speaker; see the report on this test).
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_final"></kal-leaderboard>`);
    expect(ranks(element)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(text(rows(element)[0])).to.contain('1st place');
    expect(text(pinned(element))).to.contain('You · #12');
    await clickAndLoad(element, button(element, 'next'));
    expect(ranks(element)[0]).to.equal('11');
  });

  it('shows privacy-safe ids when no name is known', async () => {
    setUp();
    restores.push(withoutNames());
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference" page-size="50"></kal-leaderboard>`);
    const shown = [...names(element), text(pinned(element)?.querySelector('[part=name]'))];
    expect(shown.some((name) => name.includes('…@example.com'))).to.equal(true);
    for (const name of shown) expect(name).not.to.match(/[^…\s]@/);
    expect(element.shadowRoot!.textContent).not.to.contain(VIEWER);
  });

  it('asks resolveUsers once per page of rows lacking names', async () => {
    setUp();
    restores.push(withoutNames());
    const calls: string[][] = [];
    const resolveUsers = async (ids: string[]) => {
      calls.push(ids);
      return Object.fromEntries(ids.map((id) => [id, { name: `Person ${id.length > 3 ? id.slice(0, 4) : id}` }]));
    };
    const load = oneEvent(document, 'kal-load');
    const element = await fixture<KalLeaderboard>(
      html`<kal-leaderboard leaderboard-id="lb_conference" .resolveUsers=${resolveUsers}></kal-leaderboard>`,
    );
    await load;
    await element.updateComplete;
    expect(calls).to.have.length(1);
    // The page's eight shown rows plus the pinned viewer.
    expect(calls[0]).to.have.length(9);
    expect(calls[0]).to.include(VIEWER);
    expect(names(element).every((name) => name.startsWith('Person '))).to.equal(true);
    expect(text(pinned(element))).to.contain('Person view');

    await clickAndLoad(element, button(element, 'next'));
    expect(calls).to.have.length(2);
    expect(calls[1]).to.have.length(10);
    await clickAndLoad(element, button(element, 'previous'));
    expect(calls).to.have.length(2);
  });

  it('falls back quietly when resolveUsers fails', async () => {
    setUp();
    restores.push(withoutNames());
    const errors: Event[] = [];
    const onError = (event: Event) => errors.push(event);
    document.addEventListener('kal-error', onError);
    try {
      const { element } = await mount(
        html`<kal-leaderboard
          leaderboard-id="lb_conference"
          .resolveUsers=${async () => {
            throw new Error('directory down');
          }}
        ></kal-leaderboard>`,
      );
      expect(rows(element)).to.have.length(8);
      expect(names(element).some((name) => name.includes('…@example.com'))).to.equal(true);
      expect(errors).to.have.length(0);
    } finally {
      document.removeEventListener('kal-error', onError);
    }
  });

  it('keeps very long names inside its box', async () => {
    setUp();
    restores.push(withoutNames());
    const long = 'W'.repeat(2000);
    const resolveUsers = async (ids: string[]) => Object.fromEntries(ids.map((id) => [id, { name: long }]));
    const { element } = await mount(
      html`<div class="box"><kal-leaderboard leaderboard-id="lb_conference" .resolveUsers=${resolveUsers}></kal-leaderboard></div>`,
    );
    expect(names(element)).to.include(long);
    const box = element.parentElement!;
    box.style.inlineSize = '320px';
    await element.updateComplete;
    const right = box.getBoundingClientRect().right;
    expect(element.scrollWidth).to.be.at.most(322);
    // Tabs past the end of their strip scroll into view (the strip itself must fit).
    for (const node of element.shadowRoot!.querySelectorAll('*')) {
      if (node.parentElement?.closest('[part~=tabs]')) continue;
      const rect = node.getBoundingClientRect();
      if (rect.width > 0) expect(rect.right, node.localName).to.be.at.most(right + 2);
    }
  });

  it('shows sub-leaderboard tabs: Overall first, clicked, with segment rows', async () => {
    const partnerId = setUp();
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    expect($(element, '[role=tablist]')!.getAttribute('part')).to.equal('tabs');
    expect(tabs(element).map(text)).to.deep.equal(['Overall', 'By Country', 'By Company']);
    expect(tabs(element).map((tab) => tab.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false']);
    await clickAndLoad(element, tabs(element)[1]!);
    expect(tabs(element)[1]!.getAttribute('aria-selected')).to.equal('true');
    expect($(element, '[role=tabpanel]')!.getAttribute('aria-labelledby')).to.equal('tab-1');
    expect(names(element)).to.include('Canada');
    expect(names(element).length).to.be.within(2, 10);
    // Segments are not people: no viewer row, no names asked.
    expect(pinned(element)).to.equal(null);
    const lists = await callsTo(partnerId, 'userScore/list');
    expect(lists).to.have.length(2);
    await expect(element).to.be.accessible();
  });

  it('moves through the tablist with the keyboard (roving tabindex, arrows, Home, End)', async () => {
    setUp();
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    const focused = () => element.shadowRoot!.activeElement?.textContent?.trim();
    expect(tabs(element).map((tab) => tab.tabIndex)).to.deep.equal([0, -1, -1]);
    tabs(element)[0]!.focus();
    let load = oneEvent(element, 'kal-load');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal('By Country');
    await load;
    await element.updateComplete;
    expect(tabs(element).map((tab) => tab.tabIndex)).to.deep.equal([-1, 0, -1]);
    expect(names(element)).to.include('Canada');
    load = oneEvent(element, 'kal-load');
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal('By Company');
    await load;
    load = oneEvent(element, 'kal-load');
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal('Overall');
    await load;
    load = oneEvent(element, 'kal-load');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused()).to.equal('By Company');
    await load;
    await element.updateComplete;
    expect(tabs(element)[2]!.getAttribute('aria-selected')).to.equal('true');
  });

  it('opens on the sub-leaderboard asked by attribute, and refuses an unknown one', async () => {
    setUp();
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference" sub-leaderboard="1"></kal-leaderboard>`);
    expect(tabs(element)[2]!.getAttribute('aria-selected')).to.equal('true');
    expect(names(element)).to.include('Northwind');

    const { element: bad, detail } = await mountFailing<KalLeaderboard>(
      html`<kal-leaderboard leaderboard-id="lb_conference" sub-leaderboard="9"></kal-leaderboard>`,
    );
    expect(detail.code).to.equal('config');
    expect(detail.message).to.contain('sub-leaderboard "9"');
    expect($(bad, '[part=retry]')).to.equal(null);
  });

  it('refreshes live without a loading flash, shows movement and announces only the viewer', async () => {
    const partnerId = setUp();
    await control(partnerId, { latencyMs: 50 });
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference" live refresh-interval="5"></kal-leaderboard>`);
    expect(text($(element, '[part=status]'))).to.equal('Live');
    expect(text(pinned(element))).to.contain('You · #57');
    expect(text(liveRegion(element))).to.equal('');

    await sandboxPost('tick', { partnerId });
    const change = oneEvent(element, 'kal-rank-change');
    const refreshed = element.refresh();
    await element.updateComplete;
    // The rows stay on screen while the refresh is under way.
    expect($(element, '[part=loading]')).to.equal(null);
    expect(rows(element)).to.have.length(8);
    await refreshed;
    const { detail } = await change;
    expect(detail.userId).to.equal(VIEWER);
    expect(detail.from).to.equal(57);
    expect(detail.to).to.be.below(57);
    await element.updateComplete;
    expect(text(liveRegion(element))).to.equal(`You moved up to #${detail.to}`);
    expect(text(pinned(element))).to.contain(`You · #${detail.to}`);
    expect(text(pinned(element)!.querySelector('[part=movement]'))).to.contain(`up ${57 - detail.to}`);

    // Other people's movement is never announced: the region only ever speaks of the viewer.
    await sandboxPost('tick', { partnerId, steps: 2 });
    await element.refresh();
    await element.updateComplete;
    expect(text(liveRegion(element))).to.match(/^You moved (up|down) to #\d+$/);
  });

  it('marks rows that moved on the page, with text for screen readers', async () => {
    const partnerId = setUp();
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference" page-size="100" live></kal-leaderboard>`);
    expect($$(element, 'tbody [part=movement]')).to.have.length(0);
    // An odd tick lifts the viewer (rank 57, on this page) past a few others.
    await sandboxPost('tick', { partnerId });
    await element.refresh();
    await element.updateComplete;
    const self = $(element, 'tbody tr[part="row self"]')!;
    const climbed = 57 - Number(text(self.querySelector('.place')));
    expect(climbed).to.be.above(0);
    expect(self.classList.contains('moved')).to.equal(true);
    expect(text(self.querySelector('[part=movement] .visually-hidden'))).to.equal(`up ${climbed}`);
    expect(text(self.querySelector('[part=movement] [aria-hidden]'))).to.equal(`▲${climbed}`);
    const down = $$(element, 'tbody [part=movement]')
      .map((marker) => text(marker.querySelector('.visually-hidden')))
      .filter((label) => label.startsWith('down'));
    expect(down.length).to.be.at.least(1);
    expect(down.every((label) => /^down \d+$/.test(label))).to.equal(true);
  });

  it('refreshes on its own timer with live', async () => {
    const partnerId = setUp();
    await mount(html`<kal-leaderboard leaderboard-id="lb_conference" live refresh-interval="5"></kal-leaderboard>`);
    expect(await callsTo(partnerId, 'userScore/list')).to.have.length(1);
    await until(async () => (await callsTo(partnerId, 'userScore/list')).length >= 2, 'a timed refresh', 15_000);
  }).timeout(20_000);

  it('keeps the last rows when a live refresh fails, notes it quietly and reports once', async () => {
    const partnerId = setUp();
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference" live></kal-leaderboard>`);
    const errors: KalErrorDetail[] = [];
    element.addEventListener('kal-error', (event) => errors.push(event.detail));
    await control(partnerId, { fail: { status: 0, count: -1 } });
    await element.refresh();
    await element.updateComplete;
    expect(rows(element)).to.have.length(8);
    expect($(element, '[role=alert]')).to.equal(null);
    expect(text($(element, '[part=note]'))).to.match(/^Updated .+ · retrying$/);
    expect(errors.map((error) => error.code)).to.deep.equal(['network']);
    await element.refresh();
    expect(errors).to.have.length(1);

    await sandboxPost('reset', { partnerId });
    await element.refresh();
    await element.updateComplete;
    expect($(element, '[part=note]')).to.equal(null);
    expect(rows(element)).to.have.length(8);
  });

  it('says when a scheduled board starts, in the viewer’s time zone', async () => {
    setUp();
    const { element, count } = await mount(html`<kal-leaderboard leaderboard-id="lb_scheduled"></kal-leaderboard>`);
    expect(count).to.equal(0);
    const status = text($(element, '[part=status]'));
    expect(status).to.match(/^Starts [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/);
    expect(stateText($(element, '[part=empty]'))).to.equal('Scores will show up here once it starts.');
    await expect(element).to.be.accessible();
  });

  it('shows final results for a disabled board', async () => {
    setUp();
    const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_final" live></kal-leaderboard>`);
    expect(text($(element, '[part=status]'))).to.equal('Final results');
    expect(text($(element, '[part=title]'))).to.equal('Spring Summit 2025');
    expect(rows(element)).to.have.length(10);
    expect(text(pinned(element))).to.contain('You · #12');
    expect(pagerText(element)).to.equal('Page 1 of 20');
  });

  it('shows a friendly empty state for a board with no scores', async () => {
    setUp();
    const { element, count } = await mount(html`<kal-leaderboard leaderboard-id="lb_empty"></kal-leaderboard>`);
    expect(count).to.equal(0);
    expect(text($(element, '[part=title]'))).to.equal('Sponsor Hall Quest');
    expect(stateText($(element, '[part=empty]'))).to.contain('No scores yet');
    expect($(element, '[part=pager]')).to.equal(null);
    expect($(element, 'table')).to.equal(null);
  });

  describe('faults', () => {
    it('an unknown leaderboard: not found, naming the id, without a retry that cannot help', async () => {
      setUp();
      const { element, detail } = await mountFailing<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_missing"></kal-leaderboard>`);
      expect(detail.code).to.equal('not-found');
      expect(stateTitle($(element, '[role=alert]'))).to.equal('Not found');
      expect(stateText($(element, '[role=alert]'))).to.equal('There is no leaderboard “\u2068lb_missing\u2069”. Check the leaderboard-id.');
      expect($(element, '[part=retry]')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('forbidden', async () => {
      const partnerId = setUp();
      await control(partnerId, { fail: { status: 403, count: -1 } });
      const { element, detail } = await mountFailing<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
      expect(detail.code).to.equal('forbidden');
      expect(stateText($(element, '[role=alert]'))).to.contain('You do not have access');
    });

    it('a network drop, then recovery with the retry button', async () => {
      const partnerId = setUp();
      await control(partnerId, { fail: { status: 0, count: -1 } });
      const { element, detail } = await mountFailing<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
      expect(detail).to.deep.include({ code: 'network', retryable: true });
      expect(stateText($(element, '[role=alert]'))).to.contain('could not be reached');
      await sandboxPost('reset', { partnerId });
      await clickAndLoad(element, $(element, '[part=retry]')!);
      expect(ranks(element)).to.deep.equal(CONFERENCE_PAGE_1);
    });

    it('malformed rows', async () => {
      const partnerId = setUp();
      await control(partnerId, { malformed: { kind: 'shape', match: 'userScore/list' } });
      const { element, detail } = await mountFailing<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
      expect(detail.code).to.equal('invalid-response');
      expect(stateText($(element, '[role=alert]'))).to.contain('something unexpected');
      await clickAndLoad(element, $(element, '[part=retry]')!);
      expect(ranks(element)).to.deep.equal(CONFERENCE_PAGE_1);
    });

    it('500s past the retries, then success through retry', async () => {
      const partnerId = setUp();
      // The element's own reads of the board, at the Game proxy's door: the proxy reads the board too
      // (its participation policy), and a fault matching that read would fail the rows instead.
      const boardAtDoor = '/api/game/leaderboard/get';
      await control(partnerId, { fail: { status: 500, count: 4, match: boardAtDoor } });
      const { element, detail } = await mountFailing<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
      expect(detail).to.deep.include({ code: 'server', retryable: true });
      expect(await callsTo(partnerId, boardAtDoor)).to.have.length(4);
      await clickAndLoad(element, $(element, '[part=retry]')!);
      expect(text($(element, '[part=title]'))).to.equal('Conference Engagement');
    });

    it('a failed page change shows the error in the panel and keeps the tabs and pager', async () => {
      const partnerId = setUp();
      const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
      await control(partnerId, { fail: { status: 503, count: 4, match: 'userScore/list' } });
      const reported = oneEvent(element, 'kal-error');
      button(element, 'next').click();
      expect((await reported).detail.code).to.equal('server');
      await until(() => !!$(element, '[role=alert]'));
      expect(tabs(element)).to.have.length(3);
      expect(pagerText(element)).to.equal('Page 2 of 500');
      await clickAndLoad(element, $(element, '[part=retry]')!);
      expect(ranks(element)[0]).to.equal('11');
    });
  });

  describe('bad attributes', () => {
    for (const [label, template, words] of [
      ['no leaderboard-id', html`<kal-leaderboard></kal-leaderboard>`, 'leaderboard-id'],
      ['page-size 0', html`<kal-leaderboard leaderboard-id="lb_conference" page-size="0"></kal-leaderboard>`, 'page-size'],
      ['page-size 101', html`<kal-leaderboard leaderboard-id="lb_conference" page-size="101"></kal-leaderboard>`, 'page-size'],
      ['page-size "ten"', html`<kal-leaderboard leaderboard-id="lb_conference" page-size="ten"></kal-leaderboard>`, 'page-size'],
      ['refresh-interval "-3"', html`<kal-leaderboard leaderboard-id="lb_conference" refresh-interval="-3"></kal-leaderboard>`, 'refresh-interval'],
      ['layout "grid"', html`<kal-leaderboard leaderboard-id="lb_conference" layout="grid"></kal-leaderboard>`, 'layout'],
    ] as const) {
      it(`${label} is a config error without a retry button`, async () => {
        const partnerId = setUp();
        const { element, detail } = await mountFailing<KalLeaderboard>(template);
        expect(detail.code).to.equal('config');
        expect(detail.message).to.contain(words);
        expect(stateText($(element, '[role=alert]'))).to.equal('This widget is not set up correctly.');
        expect($(element, '[part=retry]')).to.equal(null);
        expect(await callsTo(partnerId, 'userScore')).to.have.length(0);
      });
    }

    it('recovers when the attribute is fixed', async () => {
      setUp();
      const { element } = await mountFailing<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_conference" page-size="0"></kal-leaderboard>`);
      const load = oneEvent(element, 'kal-load');
      element.setAttribute('page-size', '5');
      // Ranks 2, 3 and 5: the hidden #1 and #4 are not shown.
      expect((await load).detail.count).to.equal(3);
      await element.updateComplete;
      expect(ranks(element)).to.deep.equal(['2', '3', '5']);
    });
  });

  describe('scroll layout', () => {
    // The virtualiser's ResizeObserver may skip a frame's notifications: benign, but mocha reports it.
    setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

    it('refreshes short pages (hidden people left out) in place: no row lost, doubled or out of order', async () => {
      const partnerId = setUp();
      const { element } = await mount(
        html`<kal-leaderboard leaderboard-id="lb_conference" layout="scroll" page-size="5" live></kal-leaderboard>`,
      );
      const scroller = $(element, '.scroller')!;
      // Pages of five bring 3 (ranks 2, 3, 5) and then 5 rows: the second page starts at the fourth row.
      scroller.scrollTop = scroller.scrollHeight;
      await until(async () => (await callsTo(partnerId, 'userScore/list')).length >= 3, 'two more pages');
      const loaded = () => (element as KalLeaderboard).shadowRoot!.querySelectorAll('.scroller [role=row]').length;
      await until(() => loaded() >= 8, 'the next pages');
      scroller.scrollTop = 0;
      await sandboxPost('tick', { partnerId, steps: 1 });
      await (element as KalLeaderboard).refresh();
      const ranksShown = () => $$(element, '.scroller [role=row]').map((row) => Number(text(row.querySelector('.place'))));
      await until(() => ranksShown().length >= 8, 'the refreshed rows');
      const shown = ranksShown();
      expect(shown.slice(0, 3)).to.deep.equal([2, 3, 5]);
      expect(shown, 'in order, each once').to.deep.equal([...new Set(shown)].sort((a, b) => a - b));
    });

    it('is a virtualised table with correct row counts that loads more as it scrolls', async () => {
      const partnerId = setUp();
      const { element, count } = await mount(
        html`<kal-leaderboard leaderboard-id="lb_conference" layout="scroll" page-size="20"></kal-leaderboard>`,
      );
      // Page 1 of twenty shows eighteen rows (the hidden #1 and #4 are not shown); the row count is the
      // service's 4,996 ranked people and the header row.
      expect(count).to.equal(18);
      const table = $(element, '[role=table]')!;
      expect(table.getAttribute('aria-rowcount')).to.equal('4997');
      expect($(element, '[part=pager]')).to.equal(null);
      const scroller = $(element, '.scroller')!;
      await until(() => $$(element, '.scroller [role=row]').length > 0, 'rows');
      const firstRow = $(element, '.scroller [role=row]')!;
      // The first row shown (rank 2) follows the header: rows are numbered as shown.
      expect(firstRow.getAttribute('aria-rowindex')).to.equal('2');
      // The layout's own styles arrive with it: a list of the default height, rows laid out as a grid.
      expect(getComputedStyle(scroller).blockSize).to.equal(`${24 * parseFloat(getComputedStyle(document.documentElement).fontSize)}px`);
      expect(getComputedStyle(firstRow).display).to.equal('grid');
      expect(text(firstRow)).to.contain('2nd place');
      // The viewer (rank 57) is not loaded yet: pinned below.
      expect(text(pinned(element))).to.contain('You · #57');
      await expect(element).to.be.accessible();

      scroller.scrollTop = scroller.scrollHeight;
      await until(async () => (await callsTo(partnerId, 'userScore/list')).length >= 2, 'the next page');
      await until(() => $$(element, '.scroller [role=row]').some((row) => Number(row.getAttribute('aria-rowindex')) > 21), 'page two rows');
      // Keep scrolling until the viewer's row is loaded: it is then highlighted in the list, not pinned.
      await until(async () => {
        scroller.scrollTop = scroller.scrollHeight;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return pinned(element) === null;
      }, 'the viewer to be loaded');
      await until(() => {
        scroller.scrollTop = scroller.scrollHeight;
        return $$(element, '.scroller [part="row self"]').length === 1;
      }, 'the viewer row in view');
      const self = $(element, '.scroller [part="row self"]')!;
      expect(text(self.querySelector('.place'))).to.equal('57');
      expect(text(self)).to.contain('You');
      // Further on, only the rows near the viewport are in the DOM.
      const lastIndex = () => Math.max(...$$(element, '.scroller [role=row]').map((row) => Number(row.getAttribute('aria-rowindex'))));
      await until(() => {
        scroller.scrollTop = scroller.scrollHeight;
        return lastIndex() > 161;
      }, 'eight pages');
      expect($$(element, '.scroller [role=row]').length).to.be.below(100);
      expect(await callsTo(partnerId, 'userScore/list')).to.have.length.of.at.least(8);
      await expect(element).to.be.accessible();

      // Rows are recycled as the list moves: after jumps, each row still shows its own rank, in order,
      // and nothing is left behind in the scroller (markers of removed rows, detached rows). Below the
      // hidden #4 every rank is shown, so a row's rank and its aria-rowindex differ by one same amount
      // wherever the list is.
      const extraNodes = () => scroller.childNodes.length - 4 * scroller.children.length;
      let extraAtStart: number | undefined;
      let rankOffset: number | undefined;
      for (const fraction of [0.5, 0.1, 0.8, 0.3, 0.6, 0.05]) {
        scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * fraction;
        await until(() => {
          const shown = $$(element, '.scroller [role=row]')
            .map((row) => ({ top: row.getBoundingClientRect().top, index: Number(row.getAttribute('aria-rowindex')), rank: Number(text(row.querySelector('.place')).replace(/\D/g, '')) }))
            .sort((a, b) => a.top - b.top);
          const box = scroller.getBoundingClientRect();
          const inView = shown.filter((row) => row.top >= box.top && row.top < box.bottom);
          const below = shown.filter((row) => row.rank > 4);
          const offset = rankOffset ?? (below[0]?.rank ?? 0) - (below[0]?.index ?? 0);
          const consistent =
            inView.length > 3 &&
            below.every((row, i) => row.rank - row.index === offset && (i === 0 || row.index === below[i - 1]!.index + 1)) &&
            shown.every((row, i) => i === 0 || (row.index > shown[i - 1]!.index && row.rank > shown[i - 1]!.rank));
          if (consistent) rankOffset = offset;
          return consistent;
        }, `consistent rows at ${fraction}`);
        extraAtStart ??= extraNodes();
      }
      // Keyed by slot, only a change in how many rows are rendered can drop a part (and, through
      // lit/lit#5010, its end marker): a handful, where keying rows by person left one per row replaced.
      expect(extraNodes() - extraAtStart!).to.be.below(80);
    });
  });

  describe('scroll layout faults', () => {
    setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

    it('keeps the loaded rows when a further page fails, and retries it in place', async () => {
      const partnerId = setUp();
      const { element } = await mount(
        html`<kal-leaderboard leaderboard-id="lb_conference" layout="scroll" page-size="20"></kal-leaderboard>`,
      );
      await control(partnerId, { fail: { status: 500, count: 4, match: 'userScore/list' } });
      const reported = oneEvent(element, 'kal-error');
      const scroller = $(element, '.scroller')!;
      scroller.scrollTop = scroller.scrollHeight;
      expect((await reported).detail.code).to.equal('server');
      await until(() => text(element.shadowRoot!.querySelector('.more-error')).includes('More results could not be loaded.'));
      expect($$(element, '.scroller [role=row]').length).to.be.above(0);
      $<HTMLButtonElement>(element, '.more-error button')!.click();
      await until(
        () => $$(element, '.scroller [role=row]').some((row) => Number(row.getAttribute('aria-rowindex')) > 21),
        'the second page',
      );
      expect($(element, '.more-error')).to.equal(null);
    });
  });

  describe('accessibility', () => {
    it('passes axe in light, dark and right-to-left', async () => {
      setUp();
      const light = await mount(html`<kal-leaderboard leaderboard-id="lb_conference" live theme="light"></kal-leaderboard>`);
      await expect(light.element).to.be.accessible();
      const dark = await mount(html`<kal-leaderboard leaderboard-id="lb_conference" live theme="dark"></kal-leaderboard>`);
      await expect(dark.element).to.be.accessible();
      const rtl = await mount(
        html`<div lang="he" dir="rtl"><kal-leaderboard leaderboard-id="lb_conference" live></kal-leaderboard></div>`,
      );
      expect($(rtl.element, '.root')!.getAttribute('dir')).to.equal('rtl');
      await expect(rtl.element).to.be.accessible();
      // In right-to-left text the left arrow moves on to the next tab.
      tabs(rtl.element)[0]!.focus();
      const load = oneEvent(rtl.element, 'kal-load');
      await sendKeys({ press: 'ArrowLeft' });
      await load;
      await rtl.element.updateComplete;
      expect(tabs(rtl.element)[1]!.getAttribute('aria-selected')).to.equal('true');
      await expect(rtl.element).to.be.accessible();
    });

    it('animates reordering unless reduced motion is asked for', async () => {
      const partnerId = setUp();
      const { element } = await mount(html`<kal-leaderboard leaderboard-id="lb_conference" page-size="100"></kal-leaderboard>`);
      const scripted = () => element.shadowRoot!.getAnimations().filter((animation) => !(animation instanceof CSSAnimation));
      // The animation code loads with the first refresh, which goes without it if its rows arrive first.
      for (let round = 0; round < 5 && scripted().length === 0; round++) {
        await sandboxPost('tick', { partnerId });
        await element.refresh();
        await element.updateComplete;
      }
      expect(scripted().length).to.be.above(0);

      await emulateMedia({ reducedMotion: 'reduce' });
      for (const animation of element.shadowRoot!.getAnimations()) animation.finish();
      await sandboxPost('tick', { partnerId, steps: 2 });
      await element.refresh();
      await element.updateComplete;
      expect(element.shadowRoot!.getAnimations()).to.have.length(0);
    });
  });

  it('loads again when moved elsewhere on the page mid-load', async () => {
    const partnerId = setUp();
    await control(partnerId, { latencyMs: 100 });
    const element = await fixture<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    const load = oneEvent(element, 'kal-load');
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    try {
      elsewhere.append(element);
      await load;
      await element.updateComplete;
      expect(ranks(element)).to.deep.equal(CONFERENCE_PAGE_1);
    } finally {
      elsewhere.remove();
    }
  });
});
