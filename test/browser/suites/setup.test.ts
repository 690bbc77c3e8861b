// A page set up wrongly: the widget says what is wrong with the set-up (not the person's sign-in),
// offers a retry only where one can help, and the page's developer gets one console warning naming
// the setting to fix, never a KS.
import { expect, html } from '@open-wc/testing';
import '../../../src/components/leaderboard/define.js';
import { configure } from '../../../src/config.js';
import { mountFailing, part, shadowText } from '../dom.js';
import { FAST_RETRIES, SANDBOX_URLS, control, mintKs, newPartner, restoreAfterEach } from '../helpers.js';

const restores = restoreAfterEach();

/** The console warnings while the test runs. */
function recordWarnings(): string[] {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  restores.push(() => (console.warn = original));
  return warnings;
}

function setUp(tokenEndpoint: string): void {
  configure({ partnerId: newPartner(), serviceUrls: SANDBOX_URLS, getKs: undefined, tokenEndpoint, retryDelaysMs: FAST_RETRIES, timeoutMs: 2_000 });
}

const board = () => html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`;

describe('set-up mistakes', () => {
  for (const [name, endpoint, said] of [
    ['a token endpoint that is not there (404)', '/no/such/token-endpoint', 'answered 404'],
    ['a token endpoint that answers a web page', '/test/fixtures/cdn.html', 'a web page (text/html), not a KS'],
  ] as const) {
    it(`${name}: the set-up is named, not the sign-in; no retry; one warning naming token-endpoint`, async () => {
      setUp(endpoint);
      const warnings = recordWarnings();
      const { element, detail } = await mountFailing(board());
      expect(detail).to.include({ code: 'config', retryable: false });
      expect(detail.message).to.contain('token-endpoint').and.to.contain(said);
      expect(shadowText(element)).to.contain('its token endpoint could not be used');
      expect(shadowText(element)).not.to.contain('sign in');
      expect(part(element, 'retry')).to.equal(null);
      // A second widget with the same mistake: no second warning.
      await mountFailing(board());
      expect(warnings.filter((warning) => warning.includes('token-endpoint'))).to.have.length(1);
      expect(warnings[0]).to.contain(endpoint);
      await expect(element).to.be.accessible();
    });
  }

  it('an unreachable token endpoint (offline, or refused by CORS) says so and can be retried', async () => {
    setUp('http://127.0.0.1:9/kaltura-ks');
    const { element, detail } = await mountFailing(board());
    expect(detail).to.include({ code: 'network', retryable: true });
    expect(detail.message).to.contain('CORS');
    expect(shadowText(element)).to.contain('could not reach the sign-in service');
    expect(part(element, 'retry')).not.to.equal(null);
  });

  it("a failing sign-in service (5xx) is the site's trouble, retried, and never blamed on the person", async () => {
    const partnerId = newPartner();
    await control(partnerId, { fail: { status: 500, count: -1, match: '/sandbox/ks' } });
    configure({ partnerId, serviceUrls: SANDBOX_URLS, getKs: undefined, tokenEndpoint: `/sandbox/ks?partnerId=${partnerId}`, retryDelaysMs: FAST_RETRIES });
    const { element, detail } = await mountFailing(board());
    expect(detail).to.include({ code: 'server', retryable: true });
    expect(shadowText(element)).to.contain("the site's sign-in service is having trouble");
    expect(shadowText(element)).not.to.contain('sign in again');
    expect(part(element, 'retry')).not.to.equal(null);
  });

  it('warnings never carry a KS', async () => {
    const partnerId = newPartner();
    const { ks } = await mintKs(partnerId, { type: 2, userId: 'admin@example.com', format: 'v1' });
    const warnings = recordWarnings();
    configure({ partnerId, serviceUrls: SANDBOX_URLS, tokenEndpoint: undefined, getKs: async () => ks });
    await mountFailing(board());
    expect(warnings.join('\n')).to.contain('ADMIN KS');
    expect(warnings.join('\n')).not.to.contain(ks);
  });
});
