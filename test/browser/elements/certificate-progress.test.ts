import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/components/certificate-progress/define.js';
import type { KalCertificateProgress } from '../../../src/components/certificate-progress/kal-certificate-progress.js';
import { callsTo, configureSandbox, control, intercept, restoreAfterEach, sandboxPost, until } from '../helpers.js';
import { $, $$, mountFailing, mountLoaded, part, root, stateText, stateTitle, text } from '../dom.js';

const VIEWER = 'viewer@example.com';
/** Game Services straight from the sandbox (its `lenientGameUserKs` switch), where the certificate report is never a cached reading. */
const DIRECT = '/sandbox/scm/api/v1';

const restores = restoreAfterEach();

/** Mounts the element and waits for `kal-load`. */
const loaded = (template: ReturnType<typeof html>) => mountLoaded<KalCertificateProgress>(template, 'kal-certificate-progress');

const bar = (node: Element | ShadowRoot | null) => node?.querySelector<HTMLElement>('[role=progressbar]') ?? null;
const share = (progressbar: HTMLElement | null) => progressbar?.querySelector<HTMLElement>('[part=bar-fill]')?.style.getPropertyValue('--_fill');
const entry = (element: Element, id: string) => $(element, `[part~=entry][data-entry-id="${id}"]`);
const ruleTexts = (element: Element) => $$(element, '[part~=rule]').map((rule) => text(rule.querySelector('.rule-label')));
const tiers = (element: Element) => $$(element, '.tiers li').map((tier) => text(tier));
const mediumDate = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso));

/**
 * The viewer's report read fresh on each refresh: Game Services straight from the sandbox, which
 * (with `lenientGameUserKs`) takes the viewer's readable v1 KS. Through the Game proxy, the report is
 * a shared reading kept for `reportCacheMs` (30 s).
 */
async function direct(): Promise<number> {
  const { partnerId } = configureSandbox({ format: 'v1' });
  await control(partnerId, { lenientGameUserKs: true });
  return partnerId;
}

describe('<kal-certificate-progress>', () => {
  describe('data', () => {
    it('shows loading, then a certificate in progress: description as text, credits bar, rules with their levels, the link', async () => {
      const { partnerId } = configureSandbox();
      await control(partnerId, { latencyMs: 200 });
      const load = oneEvent(document, 'kal-load');
      const element = await fixture<KalCertificateProgress>(html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`);
      expect(text(part(element, 'loading'))).to.equal('Loading…');
      expect((await load).detail.count).to.equal(1);
      await element.updateComplete;

      const certificate = part(element, 'certificate')!;
      expect(certificate.dataset.state).to.equal('in-progress');
      expect(text(part(element, 'name'))).to.equal('Partner Certified Developer');
      expect(text(part(element, 'status'))).to.equal('In progress');
      // The HTML description becomes paragraphs and list items of text.
      const description = part(element, 'description')!;
      expect([...description.children].map((child) => child.localName)).to.deep.equal(['p', 'ul']);
      expect(text(description.querySelector('p'))).to.equal('Complete all training modules:');
      expect([...description.querySelectorAll('li')].map((item) => text(item))).to.deep.equal(['Watch each module to the end', 'Earn 3 credits']);
      expect(description.querySelector('strong')).to.equal(null);

      const credits = bar(part(element, 'credits'))!;
      expect(credits.getAttribute('aria-valuemin')).to.equal('0');
      expect(credits.getAttribute('aria-valuemax')).to.equal('3');
      expect(credits.getAttribute('aria-valuenow')).to.equal('2');
      expect(credits.getAttribute('aria-valuetext')).to.equal('2 of 3 credits');
      expect(text($(element, `#${credits.getAttribute('aria-labelledby')}`))).to.equal('Credits');
      expect(share(credits)).to.equal(String(2 / 3));
      expect(text($(element, '.remaining'))).to.equal('1 more credit to earn this certificate.');

      expect(ruleTexts(element)).to.deep.equal(['Watch training module 2 credits']);
      expect(tiers(element)).to.deep.equal(['Level 1: 1 credit', 'Level 2: 2 credits', 'Level 3: 3 credits']);

      const link = part<HTMLAnchorElement>(element, 'link')!;
      expect(link.href).to.equal('https://training.example.com/');
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
      expect(text(link)).to.equal('Open the certificate page (opens in a new tab)');
      await expect(element).to.be.accessible();
    });

    it('shows a certified certificate with its date and a full bar', async () => {
      configureSandbox();
      const { element } = await loaded(html`<kal-certificate-progress certificate-id="cert_attendance"></kal-certificate-progress>`);
      expect(part(element, 'certificate')!.dataset.state).to.equal('certified');
      expect(text(part(element, 'status'))).to.equal(`Certified on ${mediumDate('2025-06-16T17:00:00Z')}`);
      const credits = bar(part(element, 'credits'))!;
      expect(credits.getAttribute('aria-valuenow')).to.equal('3');
      expect(credits.getAttribute('aria-valuetext')).to.equal('3.5 of 3 credits');
      expect(share(credits)).to.equal('1');
      expect($(element, '.remaining')).to.equal(null);
      expect(tiers(element)).to.deep.equal(['Level 1: 1 credit', 'Level 2: 2 credits', 'Level 3: 3.5 credits']);
    });

    it('shows one row per entry for a perEntry certificate, each with its credits, state and date', async () => {
      configureSandbox();
      const { element, count } = await loaded(html`<kal-certificate-progress certificate-id="cert_cpe"></kal-certificate-progress>`);
      expect(count).to.equal(2);
      expect(part(element, 'certificate')!.dataset.eligibility).to.equal('perEntry');
      expect(text(part(element, 'status'))).to.equal('1 of 2 sessions certified');
      // A link inside the description is its text, not a link.
      expect([...part(element, 'description')!.querySelectorAll('p')].map((p) => text(p))).to.deep.equal([
        'Continuing Professional Education: 1 credit per qualifying session.',
        'See the CPE policy.',
      ]);
      expect(part(element, 'description')!.querySelector('a')).to.equal(null);
      expect(part(element, 'entries')!.getAttribute('aria-label')).to.equal('Sessions');

      const keynote = entry(element, '1_cpekeynote')!;
      expect(keynote.dataset.state).to.equal('certified');
      expect(text(keynote.querySelector('.credits-label'))).to.equal('Opening Keynote: Video Everywhere 1.5 of 1 credit');
      expect(text(keynote.querySelector('[part=status]'))).to.equal(`Certified on ${mediumDate('2025-06-15T18:10:00Z')}`);
      expect(share(bar(keynote))).to.equal('1');

      const audit = entry(element, '1_cpeaudit')!;
      expect(audit.dataset.state).to.equal('in-progress');
      expect(text(audit.querySelector('[part=status]'))).to.equal('In progress');
      expect(bar(audit)!.getAttribute('aria-valuetext')).to.equal('0.5 of 1 credit');
      expect(text($(element, `#${bar(audit)!.getAttribute('aria-labelledby')}`))).to.equal('Audit Automation in Practice');
      expect(ruleTexts(element)).to.deep.equal(['CPE session watch time 2 credits']);
      await expect(element).to.be.accessible();
    });

    it('shows a viewer who has not started: no credits, and for perEntry a note that no session counts yet', async () => {
      configureSandbox({ userId: 'newcomer@example.com' });
      const { element } = await loaded(html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`);
      expect(part(element, 'certificate')!.dataset.state).to.equal('not-started');
      expect(text(part(element, 'status'))).to.equal('Not started');
      expect(bar(part(element, 'credits'))!.getAttribute('aria-valuetext')).to.equal('0 of 3 credits');
      expect(ruleTexts(element)).to.deep.equal(['Watch training module 0 credits']);

      const perEntry = await loaded(html`<kal-certificate-progress certificate-id="cert_cpe"></kal-certificate-progress>`);
      expect(perEntry.count).to.equal(0);
      expect(text(perEntry.element.shadowRoot!.querySelector('.entries-empty'))).to.equal(
        'No sessions count toward this certificate yet. Each qualifying session you watch earns its own certificate.',
      );
      expect(text(part(perEntry.element, 'status'))).to.equal('0 of 0 sessions certified');
      await expect(perEntry.element).to.be.accessible();
    });

    it('reads the mapping leniently, and copes with no threshold, a closed certificate and an unsafe host', async () => {
      configureSandbox();
      restores.push(
        intercept('/certificate/get', {
          response: (json) => {
            // Escaped line breaks, semicolons, no header, a line of junk.
            json.creditsMapping = '1,5;10\\n\\njunk,row\\r\\n2.5 ; 10 ; 20';
            delete json.certifiedCreditsThreshold;
            json.status = 'DISABLED';
            json.host = 'javascript:alert(1)';
          },
        }),
      );
      const { element } = await loaded(html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`);
      expect(tiers(element)).to.deep.equal(['Level 5: 1 credit', 'Level 10: 2.5 credits']);
      expect($(element, '[role=progressbar]')).to.equal(null);
      expect(text(part(element, 'credits'))).to.equal('Credits: 2 credits earned');
      expect(text($(element, '.certificate > [part=note]'))).to.equal('This certificate is not open right now: no credits are being awarded.');
      expect(part(element, 'link')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('sets aside a mapping that is not text, and links an http host', async () => {
      configureSandbox();
      restores.push(
        intercept('/certificate/get', {
          response: (json) => {
            json.creditsMapping = { rows: [[1, 1]] };
            json.host = 'http://lms.example.com/certificates';
            json.certificateEligibility = 'PER_ENTRY';
          },
        }),
      );
      const { element } = await loaded(html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`);
      expect(tiers(element)).to.deep.equal([]);
      expect(part<HTMLAnchorElement>(element, 'link')!.href).to.equal('http://lms.example.com/certificates');
      // Read as perEntry: the report's row (without an entry id) is one entry.
      expect(part(element, 'certificate')!.dataset.eligibility).to.equal('perEntry');
      expect($$(element, '[part~=entry]')).to.have.length(1);
    });
  });

  describe('live', () => {
    it('fires kal-certified when the viewer crosses the threshold while live, with the report’s date', async () => {
      const partnerId = await direct();
      const { element } = await loaded(
        html`<kal-certificate-progress live refresh-interval="5" certificate-id="cert_course" game-url=${DIRECT}></kal-certificate-progress>`,
      );
      expect(part(element, 'certificate')!.dataset.state).to.equal('in-progress');
      const loads: Event[] = [];
      element.addEventListener('kal-load', (event) => loads.push(event));
      const certified = oneEvent(element, 'kal-certified');
      await sandboxPost('progress', { partnerId, userId: VIEWER, certificateId: 'cert_course', credits: 3 });

      // The live timer's refresh shows it: no call to refresh().
      const { detail } = await certified;
      expect(detail.certificateId).to.equal('cert_course');
      expect(detail).not.to.have.property('entryId');
      expect(new Date(detail.certifiedAt).toISOString()).to.equal(detail.certifiedAt);
      await element.updateComplete;
      expect(part(element, 'certificate')!.dataset.state).to.equal('certified');
      expect(part(element, 'certificate')!.classList.contains('celebrate')).to.equal(true);
      expect(text(part(element, 'status'))).to.equal(`Certified on ${mediumDate(detail.certifiedAt)}`);
      expect(bar(part(element, 'credits'))!.getAttribute('aria-valuetext')).to.equal('3 of 3 credits');
      const announcer = $(element, '.announcer')!;
      expect(announcer.getAttribute('aria-live')).to.equal('polite');
      expect(text(announcer)).to.equal('Certificate earned: Partner Certified Developer');
      expect(loads).to.have.length(0);

      // Nothing new on the next refresh: no second event, no celebration.
      const again: Event[] = [];
      element.addEventListener('kal-certified', (event) => again.push(event));
      await element.refresh();
      expect(again).to.have.length(0);
      expect(part(element, 'certificate')!.classList.contains('celebrate')).to.equal(false);
    });

    it('fires kal-certified with the entry for each entry of a perEntry certificate that is certified', async () => {
      const partnerId = await direct();
      const { element } = await loaded(html`<kal-certificate-progress certificate-id="cert_cpe" game-url=${DIRECT}></kal-certificate-progress>`);
      // The report holds another attendee's row too: only the viewer's are shown.
      expect($$(element, '[part~=entry]').map((each) => each.dataset.entryId)).to.deep.equal(['1_cpekeynote', '1_cpeaudit']);
      const events: Array<CustomEvent> = [];
      element.addEventListener('kal-certified', (event) => events.push(event));
      await sandboxPost('progress', { partnerId, userId: VIEWER, certificateId: 'cert_cpe', entryId: '1_cpeaudit', credits: 1 });
      await sandboxPost('progress', { partnerId, userId: VIEWER, certificateId: 'cert_cpe', entryId: '1_cpenew', entryName: 'Ethics Update', credits: 1.5 });
      await element.refresh();
      await until(() => events.length === 2, 'two kal-certified events');
      expect(events.map((event) => event.detail.entryId)).to.have.members(['1_cpeaudit', '1_cpenew']);
      expect(events.every((event) => event.detail.certificateId === 'cert_cpe')).to.equal(true);
      expect(entry(element, '1_cpeaudit')!.dataset.state).to.equal('certified');
      expect(text(entry(element, '1_cpenew')!.querySelector('.credits-label'))).to.equal('Ethics Update 1.5 of 1 credit');
      expect(text(part(element, 'status'))).to.equal('3 of 3 sessions certified');
      expect(text($(element, '.announcer'))).to.contain('Certificate earned: CPE Credit Certificate, Audit Automation in Practice');
      await expect(element).to.be.accessible();
    });

    it('skips the animation when the viewer prefers reduced motion', async () => {
      const partnerId = await direct();
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const { element } = await loaded(html`<kal-certificate-progress certificate-id="cert_course" game-url=${DIRECT}></kal-certificate-progress>`);
        await sandboxPost('progress', { partnerId, userId: VIEWER, certificateId: 'cert_course', credits: 4 });
        const certified = oneEvent(element, 'kal-certified');
        await element.refresh();
        await certified;
        expect(part(element, 'certificate')!.dataset.state).to.equal('certified');
        expect(part(element, 'certificate')!.classList.contains('celebrate')).to.equal(false);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('refreshes on its own through the Game proxy when live', async () => {
      const { partnerId } = configureSandbox();
      await loaded(html`<kal-certificate-progress live refresh-interval="1" certificate-id="cert_course"></kal-certificate-progress>`);
      expect(await callsTo(partnerId, 'userScore/ruleProgress')).to.have.length(1);
      // The interval is raised to 5 s; the refresh comes on its own.
      await until(async () => (await callsTo(partnerId, 'userScore/ruleProgress')).length >= 2, 'a live refresh', 15_000);
    });

    it('keeps the last progress with a quiet note when a refresh fails, reports once, and recovers', async () => {
      const { partnerId } = configureSandbox();
      const { element } = await loaded(html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`);
      const errors: CustomEvent[] = [];
      element.addEventListener('kal-error', (event) => errors.push(event));
      await control(partnerId, { fail: { status: 403, count: 2, match: 'certificate/get' } });
      await element.refresh();
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.code).to.equal('forbidden');
      expect(text($(element, '.note--stale'))).to.contain('Progress could not be updated just now.');
      expect(part(element, 'certificate')).not.to.equal(null);
      expect($(element, '[role=alert]')).to.equal(null);
      await element.refresh();
      expect(errors).to.have.length(1);
      await expect(element).to.be.accessible();
      // The note's retry, by keyboard.
      $<HTMLButtonElement>(element, '.note--stale button')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !$(element, '.note--stale'), 'the note to go after a good refresh');
      expect(part(element, 'certificate')).not.to.equal(null);
    });
  });

  describe('hostile data', () => {
    it('renders a description’s markup as inert text: no element is made, no handler runs', async () => {
      configureSandbox();
      const pwned = window as unknown as { __pwned?: number };
      restores.push(
        intercept('/certificate/get', {
          response: (json) => {
            json.name = '<img src=x onerror="window.__pwned=1">Name';
            json.description =
              '<img src=x onerror="window.__pwned=2">Read <b>this</b>.<script>window.__pwned=3</script><style>*{display:none}</style>' +
              '<ul><li><a href="javascript:window.__pwned=4">Click</a></li><li><iframe src="javascript:window.__pwned=5"></iframe>Safe</li></ul>' +
              '&lt;svg onload=alert(1)&gt; &amp; more';
          },
        }),
      );
      restores.push(
        intercept('/userScore/ruleProgress', {
          response: (json) => {
            json.rulesData[0].name = '<svg onload="window.__pwned=6">';
          },
        }),
      );
      const { element } = await loaded(html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`);
      expect(text(part(element, 'name'))).to.equal('<img src=x onerror="window.__pwned=1">Name');
      const description = part(element, 'description')!;
      expect([...description.querySelectorAll('p')].map((p) => text(p))).to.deep.equal(['Read this.', '<svg onload=alert(1)> & more']);
      expect([...description.querySelectorAll('li')].map((item) => text(item))).to.deep.equal(['Click', 'Safe']);
      expect(ruleTexts(element)).to.deep.equal(['<svg onload="window.__pwned=6"> 2 credits']);
      // Only the description's own paragraphs and lists were made; nothing from the service's markup.
      expect([...new Set([...description.querySelectorAll('*')].map((node) => node.localName))]).to.have.members(['p', 'ul', 'li']);
      expect(root(element).querySelector('img, script, iframe, b, [onload], [onerror]')).to.equal(null);
      // Give an image error or a load handler every chance to run.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(pwned.__pwned).to.equal(undefined);
      await expect(element).to.be.accessible();
    });

    it('refuses a report about several people when it cannot tell which is the viewer', async () => {
      configureSandbox();
      restores.push(
        intercept('/userCertificateReport/list', {
          response: (json) => {
            json.objects.push({ userId: 'someone.else@example.com', credits: 9, status: 'CERTIFIED' });
          },
        }),
      );
      const { element, detail } = await mountFailing<KalCertificateProgress>(html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`);
      expect(detail.code).to.equal('invalid-response');
      expect(stateText($(element, '[role=alert]'))).to.contain('The service sent something unexpected.');
    });

    it('keeps only the viewer’s rows when it knows the viewer', async () => {
      configureSandbox({ format: 'v1' });
      restores.push(
        intercept('/userCertificateReport/list', {
          response: (json) => {
            json.objects.push({ userId: 'someone.else@example.com', credits: 9, status: 'CERTIFIED' });
          },
        }),
      );
      const { element } = await loaded(html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`);
      expect(bar(part(element, 'credits'))!.getAttribute('aria-valuetext')).to.equal('2 of 3 credits');
    });
  });

  describe('errors', () => {
    for (const [name, value] of [
      ['missing', undefined],
      ['blank', '   '],
    ] as const) {
      it(`refuses a ${name} certificate-id as a config error, without a retry or a request`, async () => {
        const { partnerId } = configureSandbox();
        const { element, detail } = await mountFailing<KalCertificateProgress>(
          value === undefined ? html`<kal-certificate-progress></kal-certificate-progress>` : html`<kal-certificate-progress certificate-id=${value}></kal-certificate-progress>`,
        );
        expect(detail.code).to.equal('config');
        expect(detail.message).to.contain('certificate-id');
        expect(stateTitle($(element, '[role=alert]'))).to.equal('Setup needed');
        expect(stateText($(element, '[role=alert]'))).to.equal('This widget is not set up correctly.');
        expect($(element, 'button')).to.equal(null);
        expect(await callsTo(partnerId, 'certificate')).to.have.length(0);
      });
    }

    it('refuses a bad refresh-interval, and loads once it is fixed', async () => {
      configureSandbox();
      const { element, detail } = await mountFailing<KalCertificateProgress>(
        html`<kal-certificate-progress certificate-id="cert_course" live refresh-interval="soon"></kal-certificate-progress>`,
      );
      expect(detail.message).to.contain('refresh-interval');
      const load = oneEvent(element, 'kal-load');
      element.setAttribute('refresh-interval', '60');
      await load;
      expect(part(element, 'certificate')).not.to.equal(null);
    });

    it('shows an unknown certificate as not found, naming the id, without a retry', async () => {
      configureSandbox();
      const { element, detail } = await mountFailing<KalCertificateProgress>(html`<kal-certificate-progress certificate-id="cert_nope"></kal-certificate-progress>`);
      expect(detail.code).to.equal('not-found');
      expect(stateTitle($(element, '[role=alert]'))).to.equal('Not found');
      expect(stateText($(element, '[role=alert]'))).to.equal('There is no certificate “\u2068cert_nope\u2069”. Check the certificate-id.');
      expect($(element, 'button')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('shows a rejected session (401 twice) clearly, and recovers on retry', async () => {
      const { partnerId, contexts } = configureSandbox();
      await control(partnerId, { fail: { status: 401, count: 2, match: 'certificate/get' } });
      const { element, detail } = await mountFailing<KalCertificateProgress>(html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`);
      expect(detail.code).to.equal('unauthorized');
      expect(contexts.map((context) => context.reason)).to.include('rejected');
      expect(stateText($(element, '[role=alert]'))).to.contain('Your session could not be confirmed.');
      const load = oneEvent(element, 'kal-load');
      $<HTMLButtonElement>(element, 'button[part=retry]')!.click();
      await load;
      expect(part(element, 'certificate')).not.to.equal(null);
    });

    it('shows a 403 clearly, without a retry that cannot help', async () => {
      const { partnerId } = configureSandbox();
      await control(partnerId, { fail: { status: 403, match: 'userScore/ruleProgress' } });
      const { element, detail } = await mountFailing<KalCertificateProgress>(html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`);
      expect(detail.code).to.equal('forbidden');
      expect(stateText($(element, '[role=alert]'))).to.contain('You do not have access to this content.');
      expect($(element, 'button[part=retry]')).to.equal(null);
    });

    it('shows a server failure after the retries, and recovers on retry by keyboard', async () => {
      const { partnerId } = configureSandbox();
      await control(partnerId, { fail: { status: 503, count: 4, match: 'userCertificateReport/list' } });
      const { element, detail } = await mountFailing<KalCertificateProgress>(html`<kal-certificate-progress certificate-id="cert_attendance"></kal-certificate-progress>`);
      expect(detail).to.include({ code: 'server', retryable: true });
      expect(stateText($(element, '[role=alert]'))).to.contain('The service is having trouble right now.');
      await expect(element).to.be.accessible();
      const load = oneEvent(element, 'kal-load');
      $<HTMLButtonElement>(element, 'button[part=retry]')!.focus();
      await sendKeys({ press: 'Enter' });
      await load;
      expect(part(element, 'certificate')!.dataset.state).to.equal('certified');
    });

    for (const [kind, match] of [
      ['json', 'certificate/get'],
      ['shape', 'userCertificateReport/list'],
    ] as const) {
      it(`shows malformed answers (${kind}, ${match}) as an invalid-response error, and recovers on retry`, async () => {
        const { partnerId } = configureSandbox();
        await control(partnerId, { malformed: { kind, match } });
        const { element, detail } = await mountFailing<KalCertificateProgress>(html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`);
        expect(detail.code).to.equal('invalid-response');
        expect(stateText($(element, '[role=alert]'))).to.contain('The service sent something unexpected.');
        const load = oneEvent(element, 'kal-load');
        $<HTMLButtonElement>(element, 'button[part=retry]')!.click();
        await load;
        expect(part(element, 'certificate')!.dataset.state).to.equal('in-progress');
      });
    }
  });

  describe('keyboard and accessibility', () => {
    it('reaches the certificate page link with Tab and follows it with Enter', async () => {
      configureSandbox();
      const { element } = await loaded(html`<kal-certificate-progress certificate-id="cert_attendance"></kal-certificate-progress>`);
      const link = part<HTMLAnchorElement>(element, 'link')!;
      const followed: string[] = [];
      link.addEventListener('click', (event) => {
        event.preventDefault();
        followed.push(link.href);
      });
      const before = document.createElement('button');
      before.textContent = 'before';
      element.before(before);
      restores.push(() => before.remove());
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(root(element).activeElement).to.equal(link);
      await sendKeys({ press: 'Enter' });
      expect(followed).to.deep.equal(['https://events.example.com/']);
    });

    for (const [name, template] of [
      ['dark', html`<kal-certificate-progress theme="dark" certificate-id="cert_cpe"></kal-certificate-progress>`],
      ['dark, in progress', html`<kal-certificate-progress theme="dark" certificate-id="cert_course"></kal-certificate-progress>`],
      ['right to left', html`<div lang="he" dir="rtl"><kal-certificate-progress certificate-id="cert_cpe"></kal-certificate-progress></div>`],
    ] as const) {
      it(`is accessible: ${name}`, async () => {
        configureSandbox();
        const { element } = await loaded(template);
        if (name === 'right to left') {
          expect(part(element, 'base')!.getAttribute('dir')).to.equal('rtl');
          expect(getComputedStyle(part(element, 'base')!).direction).to.equal('rtl');
        }
        await expect(element).to.be.accessible();
      });
    }
  });
});
