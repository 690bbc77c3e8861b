// Working against Kaltura as its guides describe it: Game Services only through the host's Game proxy
// (SCM takes an ADMIN KS only), cookies for the host's proxy and never for Kaltura, participation
// policies applied before rows reach a browser, and Messaging only where its guide lists it.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { configure } from '../../../src/config.js';
import '../../../src/components/badge-progress/define.js';
import '../../../src/components/certificate-progress/define.js';
import '../../../src/components/leaderboard/define.js';
import '../../../src/components/points-guide/define.js';
import '../../../src/components/unsubscribe-prefs/define.js';
import { FAST_RETRIES, SANDBOX_URLS, configureSandbox, countingGetKs, mintKs, newPartner, restoreAfterEach } from '../helpers.js';
import { mountFailing, shadowText, text } from '../dom.js';

const restores = restoreAfterEach();

/** Every fetch the page makes, with its init, while the test runs. */
function recordFetches(): Array<{ url: string; init: RequestInit | undefined }> {
  const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
  const previous = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init });
    return previous(input, init);
  };
  restores.push(() => {
    window.fetch = previous;
  });
  return seen;
}

/**
 * The user ids of lb_conference's top ten as an admin sees them (what the proxy reads): the seeded hidden
 * speakers are #1 and #4 there (sandbox/README.md, "Seeded data").
 */
async function adminTopTen(partnerId: number): Promise<string[]> {
  const { ks } = await mintKs(partnerId, { userId: 'admin@example.com', type: 2 });
  const response = await fetch('/sandbox/scm/api/v1/userScore/list', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ks}` },
    body: JSON.stringify({ gameObjectId: 'lb_conference', pager: { pageSize: 10, pageIndex: 1 } }),
  });
  return ((await response.json()) as { objects: Array<{ userId: string }> }).objects.map((row) => row.userId);
}

describe('Game Services go through the host\'s proxy', () => {
  for (const [tag, template] of [
    ['kal-leaderboard', html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`],
    ['kal-badge-progress', html`<kal-badge-progress badge-ids="badge_attendee"></kal-badge-progress>`],
    ['kal-certificate-progress', html`<kal-certificate-progress certificate-id="cert_attendance"></kal-certificate-progress>`],
    ['kal-points-guide', html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`],
  ] as const) {
    it(`${tag} with no game-url sends nothing and says the Game proxy is missing`, async () => {
      const partnerId = newPartner();
      configure({ partnerId, serviceUrls: { ...SANDBOX_URLS, game: undefined }, getKs: countingGetKs(partnerId).getKs, retryDelaysMs: FAST_RETRIES });
      const fetches = recordFetches();
      const { element, detail } = await mountFailing(template);
      expect(detail.code).to.equal('config');
      expect(detail.message).to.contain('ADMIN KS').and.to.contain('createGameProxy');
      expect(shadowText(element)).to.contain('its site has not connected it to the game service');
      // A retry cannot help a missing setting.
      expect(element.shadowRoot!.querySelector('[part=retry]')).to.equal(null);
      expect(fetches.filter((call) => !call.url.includes('/sandbox/ks'))).to.deep.equal([]);
      await expect(element).to.be.accessible();
    });
  }

  it("a game-url on Kaltura's own SCM host is refused before anything is sent", async () => {
    configureSandbox();
    const fetches = recordFetches();
    const { detail } = await mountFailing(
      html`<kal-leaderboard leaderboard-id="lb_conference" game-url="https://scm.nvp1.ovp.kaltura.com/api/v1"></kal-leaderboard>`,
    );
    expect(detail.code).to.equal('config');
    expect(detail.message).to.contain('createGameProxy');
    expect(fetches.some((call) => call.url.includes('kaltura.com'))).to.equal(false);
  });

  it('the strict sandbox refuses a USER KS on SCM, so no element reads it directly', async () => {
    const partnerId = newPartner();
    const { ks } = await mintKs(partnerId);
    const response = await fetch('/sandbox/scm/api/v1/leaderboard/get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ks}` },
      body: JSON.stringify({ id: 'lb_conference' }),
    });
    expect(response.status).to.equal(403);
    expect(((await response.json()) as { code: string }).code).to.equal('ADMIN_KS_REQUIRED');
  });
});

describe('cookies', () => {
  it("go to the host's own proxy (same origin) and never to Kaltura's hosts", async () => {
    configureSandbox();
    const fetches = recordFetches();
    const load = oneEvent(document, 'kal-load');
    await fixture(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    await load;
    const proxied = fetches.filter((call) => call.url.includes('/api/game/'));
    expect(proxied.length).to.be.greaterThan(0);
    expect(proxied.every((call) => call.init?.credentials === 'same-origin')).to.equal(true);

    // A Messaging host of Kaltura's own: credentials omitted (the request fails here, which is fine).
    configure({ serviceUrls: { messaging: 'https://messaging.nvp1.ovp.kaltura.com/api/v1' }, timeoutMs: 500, retryDelaysMs: [] });
    const failed = oneEvent(document, 'kal-error');
    await fixture(html`<kal-unsubscribe-prefs><kal-pref-group group-id="event-updates" label="Event updates"></kal-pref-group></kal-unsubscribe-prefs>`);
    await failed;
    const kaltura = fetches.filter((call) => call.url.startsWith('https://messaging.nvp1.ovp.kaltura.com/'));
    expect(kaltura.length).to.be.greaterThan(0);
    expect(kaltura.every((call) => call.init?.credentials === 'omit')).to.equal(true);
  });
});

describe('regions', () => {
  it('Messaging in a region its guide does not list asks for messaging-url, and sends nothing', async () => {
    const partnerId = newPartner();
    configure({ partnerId, region: 'sgp2', serviceUrls: { ...SANDBOX_URLS, messaging: undefined }, getKs: countingGetKs(partnerId).getKs });
    const fetches = recordFetches();
    const { detail } = await mountFailing(
      html`<kal-unsubscribe-prefs><kal-pref-group group-id="event-updates" label="Event updates"></kal-pref-group></kal-unsubscribe-prefs>`,
    );
    expect(detail.code).to.equal('config');
    expect(detail.message).to.contain('messaging-url');
    expect(fetches.some((call) => call.url.includes('messaging'))).to.equal(false);
  });
});

describe('participation policies, as a viewer sees them', () => {
  it('hidden speakers and excluded staff never reach the page; ranks stay the service\'s', async () => {
    const { partnerId } = configureSandbox();
    const topTen = await adminTopTen(partnerId);
    const answers: string[] = [];
    const previous = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await previous(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/api/game/')) answers.push(await response.clone().text());
      return response;
    };
    restores.push(() => {
      window.fetch = previous;
    });
    const load = oneEvent(document, 'kal-load');
    const element = await fixture<HTMLElement>(html`<kal-leaderboard leaderboard-id="lb_conference" page-size="10"></kal-leaderboard>`);
    await load;
    const ranks = [...element.shadowRoot!.querySelectorAll('tbody tr')].map((row) => text(row.querySelector('.place')));
    // The admin's top ten hold two hidden speakers (#1 and #4): the viewer sees the other eight, with the service's ranks.
    expect(ranks).to.deep.equal(['2', '3', '5', '6', '7', '8', '9', '10']);
    const hidden = [topTen[0]!, topTen[3]!];
    for (const answer of answers) for (const id of hidden) expect(answer).not.to.contain(id);
  });

  it('a hidden viewer sees their own row, marked as visible only to them', async () => {
    const partnerId = newPartner();
    const speaker = (await adminTopTen(partnerId))[0]!;
    configureSandbox({ partnerId, userId: speaker });
    const load = oneEvent(document, 'kal-load');
    const element = await fixture<HTMLElement>(html`<kal-leaderboard leaderboard-id="lb_conference" page-size="10"></kal-leaderboard>`);
    await load;
    const own = element.shadowRoot!.querySelector('[part~=self]');
    expect(own, 'the viewer row').not.to.equal(null);
    expect(text(own!.querySelector('.place'))).to.equal('1');
    expect(text(own!.querySelector('[part=only-you]'))).to.equal('Only you can see your place');
    await expect(element).to.be.accessible();
  });
});

describe('certificates, as a viewer sees them', () => {
  it("the report reaches the page with the viewer's rows only, whatever the page asks", async () => {
    const { partnerId } = configureSandbox();
    const answers: Array<{ objects: Array<{ userId: string }> }> = [];
    const previous = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await previous(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/api/game/userCertificateReport/list')) answers.push(await response.clone().json());
      return response;
    };
    restores.push(() => {
      window.fetch = previous;
    });
    const load = oneEvent(document, 'kal-load');
    // cert_attendance's report holds about 300 attendees' rows.
    const element = await fixture<HTMLElement>(html`<kal-certificate-progress certificate-id="cert_attendance"></kal-certificate-progress>`);
    await load;
    expect(answers.flatMap((answer) => answer.objects.map((row) => row.userId))).to.deep.equal(['viewer@example.com']);
    expect(shadowText(element)).to.contain('3.5 of 3 credits');

    // Asking for someone else (or every user) still answers the viewer's own rows.
    const { ks } = await mintKs(partnerId, { userId: 'viewer@example.com' });
    const other = await fetch('/api/game/userCertificateReport/list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ks}` },
      body: JSON.stringify({ gameObjectId: 'cert_attendance', userId: 'user-2', filter: { userIdEqual: 'user-2' } }),
    });
    const rows = ((await other.json()) as { objects: Array<{ userId: string }> }).objects;
    expect(rows.map((row) => row.userId)).to.deep.equal(['viewer@example.com']);
  });
});

describe('token callbacks', () => {
  it("a getKs returning a JSON endpoint's text is read as { ks, expiresAt }", async () => {
    const partnerId = newPartner();
    configure({
      partnerId,
      serviceUrls: SANDBOX_URLS,
      retryDelaysMs: FAST_RETRIES,
      getKs: async () => (await fetch(`/sandbox/ks?partnerId=${partnerId}`)).text(),
    });
    const load = oneEvent(document, 'kal-load');
    const element = await fixture<HTMLElement>(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    await load;
    expect(shadowText(element)).to.contain('Conference Engagement');
  });
});
