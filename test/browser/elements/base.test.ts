import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { getLeaderboard } from '../../../src/api/game.js';
import { configure, currentConfig } from '../../../src/config.js';
import { KalElement } from '../../../src/components/shared/kal-element.js';
import { define } from '../../../src/components/shared/define.js';
import { DataController } from '../../../src/components/shared/data-controller.js';
import { themeStyles } from '../../../src/components/shared/theme.styles.js';
import { registerLocale } from '../../../src/i18n/localize.js';
import { SANDBOX_URLS, callsTo, configureSandbox, control, countingGetKs, newPartner, until } from '../helpers.js';
import { shadowText, text } from '../dom.js';

/** A minimal element on the kit's base: shows a leaderboard's name. */
class KalTestBoard extends KalElement {
  static override styles = themeStyles;
  static override properties = { boardId: { attribute: 'board-id' } };
  declare boardId: string;

  private board?: Awaited<ReturnType<typeof getLeaderboard>>;
  private readonly data = new DataController(this, {
    args: () => [this.boardId, ...this.settingsKey()],
    refreshing: () => false,
    load: async ([boardId], { signal }) => getLeaderboard(this.api(signal), String(boardId)),
    apply: (board) => {
      this.board = board;
      this.loaded();
    },
    report: (error) => this.reportError(error),
  });

  /** As the kit's elements have it: reads again now. */
  refresh(): Promise<void> {
    return this.data.refresh();
  }

  override render() {
    return litHtml`<div dir=${this.direction} lang=${this.locale}>${this.data.failure !== undefined
      ? this.renderError(this.data.failure, () => this.data.retry())
      : this.board
        ? litHtml`<h2>${this.board.name}</h2>`
        : this.renderLoading()}</div>`;
  }
}
define('kal-test-board', KalTestBoard);

const saved = { ...currentConfig() };
afterEach(() => configure({ ...saved, getKs: saved.getKs, tokenEndpoint: saved.tokenEndpoint }));

describe('element base', () => {
  it('shows loading, then the data, and emits kal-load', async () => {
    configureSandbox();
    const element = await fixture<KalTestBoard>(html`<kal-test-board board-id="lb_conference"></kal-test-board>`);
    expect(text(element.shadowRoot?.querySelector('[role=status]'))).to.equal('Loading…');
    await oneEvent(element, 'kal-load');
    expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal('Conference Engagement');
  });

  it('takes the element attribute over configure()', async () => {
    configureSandbox();
    const own = newPartner();
    const { getKs, contexts } = countingGetKs(own);
    const element = await fixture<KalTestBoard>(html`<kal-test-board board-id="lb_conference" partner-id=${own} .getKs=${getKs}></kal-test-board>`);
    await oneEvent(element, 'kal-load');
    expect(contexts[0]?.partnerId).to.equal(own);
    expect(await callsTo(own, 'leaderboard/get')).to.have.length(1);
  });

  it('re-fetches when configure() changes', async () => {
    configureSandbox();
    const element = await fixture<KalTestBoard>(html`<kal-test-board board-id="lb_conference"></kal-test-board>`);
    await oneEvent(element, 'kal-load');
    const next = newPartner();
    const loaded = oneEvent(element, 'kal-load');
    configureSandbox({ partnerId: next });
    await loaded;
    expect(await callsTo(next, 'leaderboard/get')).to.have.length(1);
  });

  it('shows an error with a retry action, emits kal-error, and recovers on retry', async () => {
    const { partnerId } = configureSandbox();
    await control(partnerId, { fail: { status: 500, count: 4 } });
    const element = await fixture<KalTestBoard>(html`<kal-test-board board-id="lb_conference"></kal-test-board>`);
    const { detail } = await oneEvent(element, 'kal-error');
    expect(detail).to.deep.equal({ code: 'server', message: 'leaderboard/get: the service failed (500)', retryable: true });
    await until(() => !!element.shadowRoot?.querySelector('[role=alert]'));
    expect(shadowText(element)).to.contain('The service is having trouble right now.');
    await expect(element).to.be.accessible();
    const loaded = oneEvent(element, 'kal-load');
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[part=retry]')!.click();
    await loaded;
    expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal('Conference Engagement');
  });

  it("a host's kal-error listener that retries at once gets the new run's outcome, not the old failure", async () => {
    const { partnerId } = configureSandbox();
    await control(partnerId, { fail: { status: 500, count: 4 } });
    const element = document.createElement('kal-test-board') as KalTestBoard;
    element.setAttribute('board-id', 'lb_conference');
    const loaded = oneEvent(element, 'kal-load');
    // Retried from inside the event, while the failed run is still finishing.
    element.addEventListener('kal-error', () => void element.refresh(), { once: true });
    await fixture(html`<div></div>`).then((container) => container.append(element));
    await loaded;
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal('Conference Engagement');
    expect(element.shadowRoot?.querySelector('[role=alert]')).to.equal(null);
  });

  it('explains a missing KS source without a pointless retry', async () => {
    configure({ getKs: undefined, tokenEndpoint: undefined, serviceUrls: SANDBOX_URLS });
    const reported = oneEvent(document, 'kal-error');
    const element = await fixture<KalTestBoard>(html`<kal-test-board board-id="lb_conference"></kal-test-board>`);
    const { detail } = await reported;
    expect(detail.code).to.equal('config');
    await until(() => shadowText(element).includes('no way to get a session'));
    expect(element.shadowRoot?.querySelector('button')).to.equal(null);
  });

  it('refuses a bad region as a config error', async () => {
    configureSandbox();
    const reported = oneEvent(document, 'kal-error');
    await fixture<KalTestBoard>(html`<kal-test-board board-id="lb_conference" region="mars1"></kal-test-board>`);
    const { detail } = await reported;
    expect(detail.code).to.equal('config');
    expect(detail.message).to.contain('mars1');
  });

  it('aborts its requests when removed from the page', async () => {
    const { partnerId } = configureSandbox();
    await control(partnerId, { hang: { count: 1 } });
    const errors: unknown[] = [];
    const element = await fixture<KalTestBoard>(html`<kal-test-board board-id="lb_conference"></kal-test-board>`);
    element.addEventListener('kal-error', (event) => errors.push(event));
    await until(async () => (await callsTo(partnerId, 'leaderboard/get')).length === 1, 'the request to start');
    element.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors).to.have.length(0);
  });

  it('renders right-to-left for a right-to-left language and follows lang changes', async () => {
    configureSandbox();
    registerLocale('de', async () => ({ 'state.loading': 'Wird geladen…' }));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="he"><kal-test-board board-id="lb_conference"></kal-test-board></div>`);
    const element = wrapper.querySelector<KalTestBoard>('kal-test-board')!;
    await oneEvent(element, 'kal-load');
    expect(element.shadowRoot?.querySelector('div')?.getAttribute('dir')).to.equal('rtl');
    wrapper.setAttribute('lang', 'de');
    await until(() => element.shadowRoot?.querySelector('div')?.getAttribute('lang') === 'de');
    expect(element.shadowRoot?.querySelector('div')?.getAttribute('dir')).to.equal('ltr');
  });

  it('defines a tag twice without throwing; another version warns once', () => {
    class Again extends HTMLElement {}
    expect(() => define('kal-test-board', Again)).not.to.throw();
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const Registered = customElements.get('kal-test-board') as CustomElementConstructor & { kitVersion?: string };
      const version = Registered.kitVersion;
      Registered.kitVersion = '0.0.1-other';
      define('kal-test-board', Again);
      define('kal-test-board', Again);
      Registered.kitVersion = version;
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('0.0.1-other');
    expect(customElements.get('kal-test-board')).to.equal(KalTestBoard);
  });
});
