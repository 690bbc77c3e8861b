// The fault suite (issue 8): every data element, and the preference centre's save path, under each
// failure the guides describe, driven through the sandbox's switches. Each case checks what the person
// sees, the `kal-error` detail, how many calls the sandbox saw (retries stop where the guides say), and,
// for the save path, that no choice is lost and a retry saves exactly it. The room element has no
// service reads of its own: it takes the token cases.
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { KalErrorDetail } from '../../../src/api/errors.js';
import type { GetKs, TokenReason } from '../../../src/api/session.js';
import { configure } from '../../../src/config.js';
import '../../../src/components/leaderboard/define.js';
import '../../../src/components/badge-progress/define.js';
import '../../../src/components/unsubscribe-prefs/define.js';
import '../../../src/components/room-embed/define.js';
import '../../../src/components/certificate-progress/define.js';
import '../../../src/components/event-agenda/define.js';
import '../../../src/components/points-guide/define.js';
import type { KalEventDetails } from '../../../src/components/shared/events.js';
import { FAST_RETRIES, SANDBOX_URLS, callsTo, control, mintKs, newPartner, restoreAfterEach, sandboxPost, sandboxState, until } from '../helpers.js';
import { $, $$, text } from '../dom.js';

const VIEWER = 'viewer@example.com';
const ROOM = '1_sandboxroom';

// ---------------------------------------------------------------- page-wide set-up, restored after each test

const restores = restoreAfterEach();

/** How the host's token callback behaves (for every call, or only when asked after a 401). */
type TokenMode = 'ok' | 'reject' | 'hang' | 'number' | 'object' | 'empty';

interface Env {
  partnerId: number;
  /** `reason` of every token callback call. */
  reasons: TokenReason[];
  /** Every `kal-error` detail heard on the document. */
  errors: KalErrorDetail[];
  /** How many `kal-load` events were heard. */
  loads: number;
  saves: Array<KalEventDetails['kal-prefs-saved']>;
  mode: TokenMode;
  /** Requests the kit itself sent (`fetch` calls) whose URL contains `fragment`. */
  sent: (fragment: string) => number;
  /** Runs once, when a request of the kit first fails at the network level. */
  onNetworkFailure?: () => Promise<void>;
  /** Calls the sandbox saw before a reset wiped its log. */
  forgotten: number;
}

function setUp(options: { mode?: TokenMode; modeOn?: 'every' | 'rejected'; timeoutMs?: number } = {}): Env {
  const partnerId = newPartner();
  const urls: string[] = [];
  const env: Env = {
    partnerId,
    reasons: [],
    errors: [],
    loads: 0,
    saves: [],
    mode: options.mode ?? 'ok',
    forgotten: 0,
    sent: (fragment) => urls.filter((url) => url.includes(fragment)).length,
  };
  // Counts what the kit sends: Chromium may resend a request on its own (see the network cases).
  const realFetch = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return realFetch(input, init).catch(async (error: unknown) => {
      // The page saw the network fail: bring it back (once) before the kit hears of it.
      const comeBack = env.onNetworkFailure;
      env.onNetworkFailure = undefined;
      if (comeBack) await comeBack();
      throw error;
    });
  };
  restores.push(() => (window.fetch = realFetch));
  const modeOn = options.modeOn ?? 'every';
  const getKs: GetKs = async (context) => {
    env.reasons.push(context.reason);
    if (env.mode !== 'ok' && (modeOn === 'every' || context.reason === 'rejected')) {
      switch (env.mode) {
        case 'reject':
          throw new Error('the sign-in service is down');
        case 'hang':
          return new Promise<never>(() => undefined);
        case 'number':
          return 42 as unknown as string;
        case 'object':
          return {} as unknown as string;
        case 'empty':
          return '';
      }
    }
    return mintKs(partnerId, {
      userId: VIEWER,
      ...(context.entryId ? { privileges: `entryId:${context.entryId}` } : {}),
    });
  };
  configure({
    partnerId,
    serviceUrls: SANDBOX_URLS,
    getKs,
    retryDelaysMs: FAST_RETRIES,
    timeoutMs: options.timeoutMs,
  });
  const onError = (event: Event) => env.errors.push((event as CustomEvent<KalErrorDetail>).detail);
  const onLoad = () => (env.loads += 1);
  const onSaved = (event: Event) => env.saves.push((event as CustomEvent<KalEventDetails['kal-prefs-saved']>).detail);
  // Listening on the document before any fixture exists: errors of the first render are heard too.
  document.addEventListener('kal-error', onError);
  document.addEventListener('kal-load', onLoad);
  document.addEventListener('kal-prefs-saved', onSaved);
  restores.push(() => {
    document.removeEventListener('kal-error', onError);
    document.removeEventListener('kal-load', onLoad);
    document.removeEventListener('kal-prefs-saved', onSaved);
  });
  return env;
}

const errorState = (element: Element) => $(element, '[part~=error]');
const retryButton = (element: Element) => $<HTMLButtonElement>(element, '[part~=retry]');

/** What a person reads for each error code (the English catalogue). */
const SEEN: Record<string, string> = {
  unauthorized: 'Your session could not be confirmed. Please sign in again.',
  forbidden: 'You do not have access to this content.',
  'not-found': 'This content could not be found.',
  'invalid-response': 'The service sent something unexpected. Please try again later.',
  network: 'The service could not be reached. Check your connection.',
  timeout: 'The service is taking too long to answer.',
  server: 'The service is having trouble right now. Please try again.',
};

const TOKEN_SEEN = {
  reject: 'We could not start your session. Please sign in again.',
  hang: 'Starting your session took too long.',
  garbage: 'This widget is not set up correctly: no valid session was provided.',
};

// ---------------------------------------------------------------- the elements under test

interface Subject {
  name: string;
  /** The service path the faults target (a substring of the sandbox path). */
  path: string;
  template: () => TemplateResult;
  /** The same element asking for something that does not exist, when it can, and what it then says. */
  unknown?: { template: () => TemplateResult; path: string; seen: string };
  /** What the person sees once the data is there. */
  showsData: (element: HTMLElement) => boolean;
  /** What it says for a 404, when it names what is missing instead of the kit's own sentence. */
  notFoundSeen?: string;
}

const leaderboard: Subject = {
  name: '<kal-leaderboard>',
  path: 'userScore/list',
  template: () => html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`,
  unknown: {
    template: () => html`<kal-leaderboard leaderboard-id="lb_missing"></kal-leaderboard>`,
    path: 'leaderboard/get',
    seen: 'There is no leaderboard “\u2068lb_missing\u2069”. Check the leaderboard-id.',
  },
  showsData: (element) => text($(element, '[part=title]')) === 'Conference Engagement' && $$(element, 'tbody tr').length === 8, // two of the ten are hidden speakers
};

const badges: Subject = {
  name: '<kal-badge-progress>',
  path: '/badge/list',
  template: () => html`<kal-badge-progress virtual-event-id="12345"></kal-badge-progress>`,
  showsData: (element) =>
    $$(element, '[part~=badge]').length === 6 && text($(element, '[part=summary]')) === '2 of 6 badges earned',
};

const certificate: Subject = {
  name: '<kal-certificate-progress>',
  path: 'userCertificateReport/list',
  template: () => html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`,
  unknown: {
    template: () => html`<kal-certificate-progress certificate-id="cert_missing"></kal-certificate-progress>`,
    path: 'certificate/get',
    seen: 'There is no certificate “\u2068cert_missing\u2069”. Check the certificate-id.',
  },
  showsData: (element) => text($(element, '[part=name]')) === 'Partner Certified Developer' && $(element, '[role=progressbar]')?.getAttribute('aria-valuenow') === '2',
};

const agenda: Subject = {
  name: '<kal-event-agenda>',
  // The two reads go side by side; the sessions are the one broken (the event read goes through).
  path: 'sessions/list',
  template: () => html`<kal-event-agenda event-id="7001"></kal-event-agenda>`,
  // A 404 from the Events proxy is "no such event" (guide 001 §11), and the element says which.
  notFoundSeen: 'There is no event “\u20687001\u2069” to show. Check the event-id.',
  showsData: (element) => text($(element, '[part=title]')) === 'Kaltura Connect' && $$(element, '[part~=session]').length === 10,
};

const points: Subject = {
  name: '<kal-points-guide>',
  path: 'rule/list',
  template: () => html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`,
  unknown: {
    template: () => html`<kal-points-guide leaderboard-id="lb_missing"></kal-points-guide>`,
    path: 'rule/list',
    seen: 'There is no leaderboard “\u2068lb_missing\u2069”. Check the leaderboard-id.',
  },
  showsData: (element) => $$(element, '[part~=rule]').length === 3 && text($(element, '[part=summary]')) === '3 ways to earn points · 1 done',
};

const prefsTemplate = () => html`<kal-unsubscribe-prefs>
  <kal-pref-group group-id="event-updates" label="Event updates" description="Schedule changes and reminders"></kal-pref-group>
  <kal-pref-group group-id="marketing-emails" label="News and offers"></kal-pref-group>
</kal-unsubscribe-prefs>`;

/** What the switches show: group id → subscribed. */
const switches = (element: Element) =>
  Object.fromEntries(
    $$(element, '[part~=group]').map((row) => [row.dataset.groupId, row.querySelector('[role=switch]')?.getAttribute('aria-checked') === 'true']),
  );

const prefs: Subject = {
  name: '<kal-unsubscribe-prefs> (load)',
  path: 'userGroupsStatus',
  template: prefsTemplate,
  showsData: (element) => JSON.stringify(switches(element)) === JSON.stringify({ 'event-updates': true, 'marketing-emails': false }),
};

// ---------------------------------------------------------------- the cases

type Outcome =
  | { data: true }
  | { error: { code: string; retryable: boolean }; seen: string };

interface Case {
  name: string;
  /** Sandbox switches, given the path to break. */
  faults: (path: string) => Record<string, unknown>;
  timeoutMs?: number;
  /** Use the subject's unknown-id template instead of a switch. */
  unknownId?: boolean;
  outcome: Outcome;
  /** Calls the sandbox saw on that path. */
  calls: number;
  reasons?: TokenReason[];
  /** The connection is dropped (see `expectCalls`). */
  drops?: boolean;
  /** The faults are cleared as soon as the page has seen one request fail at the network level. */
  comesBack?: boolean;
}

const failure = (code: string, retryable: boolean, seen = SEEN[code]!): Outcome => ({ error: { code, retryable }, seen });
/** A person's retry is offered unless it cannot help: a refusal (403) or something that is not there (404). */
const retryHelps = (code: string) => code !== 'forbidden' && code !== 'not-found';
const RATE_LIMITED = 'The service is busy right now. Please try again in a moment.';

const SERVICE_CASES: Case[] = [
  {
    name: '401 once: a new KS (reason "rejected") and the data',
    faults: (match) => ({ fail: { status: 401, count: 1, match } }),
    outcome: { data: true },
    calls: 2,
    reasons: ['initial', 'rejected'],
  },
  {
    name: '401 always: unauthorized after exactly one refresh',
    faults: (match) => ({ fail: { status: 401, count: -1, match } }),
    outcome: failure('unauthorized', false),
    calls: 2,
    reasons: ['initial', 'rejected'],
  },
  {
    name: '403: forbidden, not retried',
    faults: (match) => ({ fail: { status: 403, count: -1, match } }),
    outcome: failure('forbidden', false),
    calls: 1,
  },
  {
    name: '404: not found, not retried',
    faults: (match) => ({ fail: { status: 404, count: -1, match } }),
    unknownId: true,
    outcome: failure('not-found', false),
    calls: 1,
  },
  {
    name: '429 with Retry-After: 0: waits as told and recovers',
    faults: (match) => ({ fail: { status: 429, count: 1, match, retryAfter: 0 } }),
    outcome: { data: true },
    calls: 2,
  },
  {
    name: '429 for good: says the service is busy after 1 + 3 tries',
    faults: (match) => ({ fail: { status: 429, count: -1, match, retryAfter: 0 } }),
    outcome: failure('server', true, RATE_LIMITED),
    calls: 4,
  },
  {
    name: '429 with a Retry-After longer than a widget can wait: says so at once, no early knock',
    faults: (match) => ({ fail: { status: 429, count: -1, match, retryAfter: 120 } }),
    outcome: failure('server', true, RATE_LIMITED),
    calls: 1,
  },
  {
    name: '500 then success: recovers on the first retry',
    faults: (match) => ({ fail: { status: 500, count: 1, match } }),
    outcome: { data: true },
    calls: 2,
  },
  {
    name: '500 forever: stops after 1 + 3 retries',
    faults: (match) => ({ fail: { status: 500, count: -1, match } }),
    outcome: failure('server', true),
    calls: 4,
  },
  {
    name: 'a hang past the timeout, once: recovers on the retry',
    faults: (match) => ({ hang: { count: 1, match } }),
    timeoutMs: 300,
    outcome: { data: true },
    calls: 2,
  },
  {
    name: 'hanging past the timeout every time: a timeout error after 1 + 3 tries',
    faults: (match) => ({ hang: { count: -1, match } }),
    timeoutMs: 300,
    outcome: failure('timeout', true),
    calls: 4,
  },
  {
    name: 'malformed JSON: invalid-response, not retried',
    faults: (match) => ({ malformed: { kind: 'json', count: -1, match } }),
    outcome: failure('invalid-response', false),
    calls: 1,
  },
  {
    name: 'valid JSON of the wrong shape: invalid-response, not retried',
    faults: (match) => ({ malformed: { kind: 'shape', count: -1, match } }),
    outcome: failure('invalid-response', false),
    calls: 1,
  },
  {
    name: 'the network drops and comes back: recovers on the retry',
    // Down until the page has seen a request fail (Chromium's own resends included), then back.
    faults: (match) => ({ fail: { status: 0, count: -1, match } }),
    drops: true,
    comesBack: true,
    outcome: { data: true },
    calls: 2,
  },
  {
    name: 'the network stays down: a network error after 1 + 3 tries',
    faults: (match) => ({ fail: { status: 0, count: -1, match } }),
    drops: true,
    outcome: failure('network', true),
    calls: 4,
  },
];

interface TokenCase {
  name: string;
  mode: Exclude<TokenMode, 'ok'>;
  timeoutMs?: number;
  error: { code: string; retryable: boolean };
  seen: string;
}

const TOKEN_CASES: TokenCase[] = [
  { name: 'the token callback rejects', mode: 'reject', error: { code: 'unauthorized', retryable: true }, seen: TOKEN_SEEN.reject },
  { name: 'the token callback hangs', mode: 'hang', timeoutMs: 300, error: { code: 'timeout', retryable: true }, seen: TOKEN_SEEN.hang },
  { name: 'the token callback answers a number', mode: 'number', error: { code: 'config', retryable: false }, seen: TOKEN_SEEN.garbage },
  { name: 'the token callback answers {}', mode: 'object', error: { code: 'config', retryable: false }, seen: TOKEN_SEEN.garbage },
  { name: 'the token callback answers an empty string', mode: 'empty', error: { code: 'config', retryable: false }, seen: TOKEN_SEEN.garbage },
];

/** Clears the partner's queued faults (a reset: nothing was stored by a failed call anyway). */
async function clearFaults(partnerId: number): Promise<void> {
  await sandboxPost('reset', { partnerId });
}

/**
 * The requests the kit sent to `path` are exactly the case's count, and so are the calls the sandbox
 * saw, except when the connection drops: Chromium then resends, below `fetch()` and out of the page's
 * control, a request it had written to a reused keep-alive connection (once per idle connection it
 * tries), so the sandbox sees at least, and often more than, one call per request of the kit.
 */
async function expectCalls(env: Env, path: string, serviceCase: Case): Promise<void> {
  expect(env.sent(path), `requests the kit sent to ${path}`).to.equal(serviceCase.calls);
  const seen = env.forgotten + (await callsTo(env.partnerId, path)).length;
  if (serviceCase.drops) expect(seen, `calls the sandbox saw to ${path}`).to.be.at.least(serviceCase.calls);
  else expect(seen, `calls the sandbox saw to ${path}`).to.equal(serviceCase.calls);
}

/** The network comes back once the page has seen a request to `path` fail (the sandbox's log is kept). */
function networkComesBack(env: Env, path: string): void {
  env.onNetworkFailure = async () => {
    env.forgotten = (await callsTo(env.partnerId, path)).length;
    await clearFaults(env.partnerId);
  };
}

async function expectOneError(env: Env, expected: { code: string; retryable: boolean }): Promise<KalErrorDetail> {
  await until(() => env.errors.length > 0, 'kal-error');
  expect(env.errors, JSON.stringify(env.errors)).to.have.length(1);
  const [detail] = env.errors;
  expect(detail).to.include(expected);
  expect(detail!.message).to.be.a('string').and.not.equal('');
  return detail!;
}

// ---------------------------------------------------------------- loading: every data element

for (const subject of [leaderboard, badges, certificate, agenda, points, prefs]) {
  describe(`faults: ${subject.name}`, () => {
    for (const tokenCase of TOKEN_CASES) {
      it(`${tokenCase.name}: ${tokenCase.error.code}, no service call`, async () => {
        const env = setUp({ mode: tokenCase.mode, timeoutMs: tokenCase.timeoutMs });
        const element = await fixture<HTMLElement>(subject.template());
        await expectOneError(env, tokenCase.error);
        await until(() => !!errorState(element), 'the error state');
        expect(text(errorState(element))).to.contain(tokenCase.seen);
        expect(!!retryButton(element), 'a retry button').to.equal(tokenCase.error.retryable);
        expect(env.loads).to.equal(0);
        expect((await sandboxState(env.partnerId)).calls).to.have.length(0);
        expect(env.reasons).to.deep.equal(['initial']);

        if (tokenCase.error.retryable) {
          // The host's sign-in comes back: the person's retry works.
          env.mode = 'ok';
          retryButton(element)!.click();
          await until(() => subject.showsData(element), 'the data after the retry');
          expect(env.errors).to.have.length(1);
        }
      });
    }

    for (const serviceCase of SERVICE_CASES) {
      const unknown = serviceCase.unknownId ? subject.unknown : undefined;
      it(serviceCase.name, async () => {
        const env = setUp({ timeoutMs: serviceCase.timeoutMs });
        const path = unknown?.path ?? subject.path;
        if (serviceCase.comesBack) networkComesBack(env, path);
        if (!unknown) await control(env.partnerId, serviceCase.faults(path));
        const element = await fixture<HTMLElement>((unknown ?? subject).template());

        if ('data' in serviceCase.outcome) {
          await until(() => env.loads > 0 && subject.showsData(element), 'the data');
          expect(env.errors, 'no kal-error for a recovered fault').to.deep.equal([]);
          expect(errorState(element)).to.equal(null);
        } else {
          await expectOneError(env, serviceCase.outcome.error);
          await until(() => !!errorState(element), 'the error state');
          expect(errorState(element)!.getAttribute('role')).to.equal('alert');
          const notFound = serviceCase.outcome.error.code === 'not-found' ? subject.notFoundSeen : undefined;
          expect(text(errorState(element))).to.contain(unknown?.seen ?? notFound ?? serviceCase.outcome.seen);
          expect(env.loads).to.equal(0);
          expect(!!retryButton(element), 'a retry button').to.equal(retryHelps(serviceCase.outcome.error.code));
        }
        await expectCalls(env, path, serviceCase);
        if (serviceCase.reasons) expect(env.reasons).to.deep.equal(serviceCase.reasons);
        else expect(env.reasons).to.deep.equal(['initial']);

        if (!('data' in serviceCase.outcome) && !unknown && retryHelps(serviceCase.outcome.error.code)) {
          // The service comes back: the person's retry shows the data.
          await clearFaults(env.partnerId);
          retryButton(element)!.click();
          await until(() => subject.showsData(element), 'the data after the retry');
          expect(env.errors).to.have.length(1);
        }
      });
    }
  });
}

// ---------------------------------------------------------------- the preference centre's save path

describe('faults: <kal-unsubscribe-prefs> (save)', () => {
  /** The person's changes: event updates off, news and offers back on. */
  const CHOSEN = { 'event-updates': false, 'marketing-emails': true };
  const SENT = { subscribed: ['marketing-emails'], unsubscribed: ['event-updates'] };

  async function stored(partnerId: number): Promise<string[]> {
    const preferences = (await sandboxState(partnerId)).preferences[VIEWER];
    return [...(preferences ?? ['marketing-emails'])].sort();
  }

  /** Loads, then flips both switches as a person would. */
  async function loadAndChoose(env: Env): Promise<HTMLElement> {
    const element = await fixture<HTMLElement>(prefsTemplate());
    await until(() => env.loads > 0 && prefs.showsData(element), 'the switches');
    for (const id of Object.keys(CHOSEN)) $<HTMLButtonElement>(element, `[data-group-id="${id}"] [role=switch]`)!.click();
    await until(() => JSON.stringify(switches(element)) === JSON.stringify(CHOSEN), 'the choices');
    return element;
  }

  const saveButton = (element: Element) => $<HTMLButtonElement>(element, '[part~=save]')!;
  const statusText = (element: Element) => text($(element, '[part=status]'));

  async function expectSavedAfterRetry(env: Env, element: HTMLElement, savesBefore: number): Promise<void> {
    retryButton(element)!.click();
    await until(() => env.saves.length > savesBefore, 'kal-prefs-saved after the retry');
    // Exactly the person's choices, nothing more and nothing less.
    expect(env.saves.at(-1)).to.deep.equal(SENT);
    await until(() => statusText(element) === 'Preferences saved', 'the saved status');
    expect($(element, '[part=failure]')).to.equal(null);
    expect(switches(element)).to.deep.equal(CHOSEN);
    expect(await stored(env.partnerId)).to.deep.equal(['event-updates']);
  }

  for (const serviceCase of SERVICE_CASES) {
    it(serviceCase.name, async () => {
      const env = setUp({ timeoutMs: serviceCase.timeoutMs });
      const element = await loadAndChoose(env);
      const reasonsAtLoad = env.reasons.length;
      if (serviceCase.comesBack) networkComesBack(env, 'syncGroups');
      await control(env.partnerId, serviceCase.faults('syncGroups'));
      saveButton(element).click();

      if ('data' in serviceCase.outcome) {
        await until(() => env.saves.length > 0, 'kal-prefs-saved');
        expect(env.saves).to.deep.equal([SENT]);
        expect(env.errors).to.deep.equal([]);
        await until(() => statusText(element) === 'Preferences saved', 'the saved status');
        expect(switches(element)).to.deep.equal(CHOSEN);
        expect(await stored(env.partnerId)).to.deep.equal(['event-updates']);
      } else {
        const detail = await expectOneError(env, serviceCase.outcome.error);
        expect(detail.message).to.contain('syncGroups');
        // A dropped connection (the browser online) is a failure like the others: said, with "Try again".
        await until(() => !!$(element, '[part=failure]'), 'the failure note');
        expect($(element, '[part=failure]')!.getAttribute('role')).to.equal('alert');
        expect(text($(element, '[part=failure]'))).to.contain(`Your choices were not saved. ${serviceCase.outcome.seen}`);
        expect(env.saves).to.deep.equal([]);
        // Nothing the person chose is lost, and nothing was stored.
        expect(switches(element)).to.deep.equal(CHOSEN);
        expect(saveButton(element).getAttribute('aria-disabled')).to.equal('false');
        expect(await stored(env.partnerId)).to.deep.equal(['marketing-emails']);
      }
      await expectCalls(env, 'syncGroups', serviceCase);
      const reasons = env.reasons.slice(reasonsAtLoad);
      expect(reasons).to.deep.equal(serviceCase.reasons ? serviceCase.reasons.slice(1) : []);

      if (!('data' in serviceCase.outcome)) {
        await clearFaults(env.partnerId);
        await expectSavedAfterRetry(env, element, 0);
      }
    });
  }

  // The KS is refreshed mid-save (a 401) and the host's token callback misbehaves then.
  for (const tokenCase of TOKEN_CASES) {
    it(`a 401, then ${tokenCase.name}: ${tokenCase.error.code}, choices kept, retry saves them`, async () => {
      const env = setUp({ modeOn: 'rejected', timeoutMs: tokenCase.timeoutMs });
      const element = await loadAndChoose(env);
      env.mode = tokenCase.mode;
      await control(env.partnerId, { fail: { status: 401, count: 1, match: 'syncGroups' } });
      saveButton(element).click();
      await expectOneError(env, tokenCase.error);
      await until(() => !!$(element, '[part=failure]'), 'the failure note');
      expect(text($(element, '[part=failure]'))).to.contain(`Your choices were not saved. ${tokenCase.seen}`);
      expect(switches(element)).to.deep.equal(CHOSEN);
      expect(env.reasons).to.deep.equal(['initial', 'rejected']);
      expect(await callsTo(env.partnerId, 'syncGroups')).to.have.length(1);
      expect(await stored(env.partnerId)).to.deep.equal(['marketing-emails']);

      env.mode = 'ok';
      await expectSavedAfterRetry(env, element, 0);
    });
  }
});

describe('faults: a timeout set after the page loaded', () => {
  it('governs the next token call of a session already in use (a hanging refresh mid-save)', async () => {
    // The page's first configure() has no timeoutMs: the session starts with the 15 s default.
    const env = setUp({ modeOn: 'rejected' });
    const element = await fixture<HTMLElement>(prefsTemplate());
    await until(() => env.loads > 0 && prefs.showsData(element), 'the switches');
    $<HTMLButtonElement>(element, '[data-group-id="event-updates"] [role=switch]')!.click();
    configure({ timeoutMs: 300 });
    await until(() => env.loads > 1, 'the reload after configure()');
    await until(() => switches(element)['event-updates'] === false, 'the choice kept over the reload');
    env.mode = 'hang';
    await control(env.partnerId, { fail: { status: 401, count: 1, match: 'syncGroups' } });
    $<HTMLButtonElement>(element, '[part~=save]')!.click();
    await expectOneError(env, { code: 'timeout', retryable: true });
    await until(() => text($(element, '[part=failure]')).includes(`Your choices were not saved. ${TOKEN_SEEN.hang}`), 'the failure note');
    expect(switches(element)['event-updates']).to.equal(false);
  });
});

// ---------------------------------------------------------------- the room: token cases

describe('faults: <kal-room-embed> (token)', () => {
  const frame = (element: Element) => $<HTMLIFrameElement>(element, 'iframe');

  for (const tokenCase of TOKEN_CASES) {
    it(`${tokenCase.name}: ${tokenCase.error.code}, no iframe`, async () => {
      const env = setUp({ mode: tokenCase.mode, timeoutMs: tokenCase.timeoutMs });
      const element = await fixture<HTMLElement>(html`<kal-room-embed join="auto" entry-id=${ROOM}></kal-room-embed>`);
      await expectOneError(env, tokenCase.error);
      await until(() => !!errorState(element), 'the error state');
      expect(errorState(element)!.getAttribute('role')).to.equal('alert');
      expect(text(errorState(element))).to.contain(tokenCase.seen);
      expect(frame(element)).to.equal(null);
      expect(!!retryButton(element), 'a retry button').to.equal(tokenCase.error.retryable);
      expect((await sandboxState(env.partnerId)).joins).to.have.length(0);

      if (tokenCase.error.retryable) {
        env.mode = 'ok';
        retryButton(element)!.click();
        await until(() => (frame(element)?.contentDocument?.querySelector('#room') ?? null) !== null, 'the room');
        expect((await sandboxState(env.partnerId)).joins).to.have.length(1);
      }
    });
  }
});
