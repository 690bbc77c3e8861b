// Modules the elements download only when a page needs them (the badges' compact layout, the
// leaderboard's reorder animation and live timer) may fail to arrive: a flaky connection, a CDN
// hiccup. The widget must still show its data, report nothing to the host (nothing the host did was
// wrong), and use the module once it can be had. Downloads are blocked for this page only
// (test/wtr-block-modules-plugin.mjs); this file runs in its own page, so no module is cached yet.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../src/components/badge-progress/define.js';
import '../../../src/components/leaderboard/define.js';
import type { KalLeaderboard } from '../../../src/components/leaderboard/kal-leaderboard.js';
import { configure, currentConfig } from '../../../src/config.js';
import { callsTo, configureSandbox, sandboxPost, until } from '../helpers.js';
import { errorsOf } from '../dom.js';

const block = (fragments: string[], hang = false) => executeServerCommand('block-modules', { fragments, hang });
const blocked = () => executeServerCommand<string[], undefined>('blocked-modules');

const saved = { ...currentConfig() };
afterEach(async () => {
  await block([]);
  configure({ ...saved, getKs: saved.getKs, tokenEndpoint: saved.tokenEndpoint });
});

const setUp = (): number => configureSandbox().partnerId;

describe('lazily loaded modules that cannot be downloaded', () => {
  it('compact badges that cannot get their layout show as cards, without an error', async () => {
    setUp();
    await block(['compact-layout']);
    const load = oneEvent(document, 'kal-load');
    const element = await fixture<HTMLElement>(html`<kal-badge-progress layout="compact" badge-ids="badge_attendee,badge_marathon"></kal-badge-progress>`);
    const errors = errorsOf(element);
    await load;
    await until(() => (element.shadowRoot?.querySelectorAll('[part~=badge]').length ?? 0) === 2, 'the badges as cards');
    expect(element.shadowRoot!.querySelector('[part~=tooltip]')).to.equal(null);
    expect(element.shadowRoot!.textContent).to.contain('Attendee');
    expect(errors).to.deep.equal([]);
  });

  it('a leaderboard refresh shows its rows while the reorder animation never arrives', async () => {
    const partnerId = setUp();
    await block(['reorder-animation'], true);
    const load = oneEvent(document, 'kal-load');
    const element = await fixture<KalLeaderboard>(html`<kal-leaderboard leaderboard-id="lb_conference" page-size="20"></kal-leaderboard>`);
    const errors = errorsOf(element);
    await load;
    const before = await callsTo(partnerId, 'userScore/list');
    await sandboxPost('tick', { partnerId });
    await element.refresh();
    expect((await callsTo(partnerId, 'userScore/list')).length).to.be.above(before.length);
    // Page 1 of twenty shows eighteen rows: the hidden speakers (#1 and #4) are not shown.
    expect(element.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(18);
    expect(errors).to.deep.equal([]);
  });

  it('a live leaderboard whose timer could not be downloaded starts it once the connection is back', async () => {
    const partnerId = setUp();
    await block(['live-controller']);
    const load = oneEvent(document, 'kal-load');
    const element = await fixture<KalLeaderboard>(
      html`<kal-leaderboard leaderboard-id="lb_conference" page-size="5" live refresh-interval="5"></kal-leaderboard>`,
    );
    const errors = errorsOf(element);
    await load;
    await until(async () => (await blocked()).some((url) => url.includes('live-controller')), 'the timer asked for');
    const reads = (await callsTo(partnerId, 'userScore/list')).length;
    // Back online: the timer arrives and the board refreshes on its interval (5 s, ±10 %). The event is
    // sent until then: the element may hear of the failed download a moment after the request fails.
    await block([]);
    await until(
      async () => {
        window.dispatchEvent(new Event('online'));
        return (await callsTo(partnerId, 'userScore/list')).length > reads;
      },
      'a live refresh',
      15_000,
    );
    expect(errors).to.deep.equal([]);
  });
});
