import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { configure, currentConfig } from '../../../src/config.js';
import '../../../src/components/unsubscribe-prefs/define.js';
import type { KalUnsubscribePrefs } from '../../../src/components/unsubscribe-prefs/kal-unsubscribe-prefs.js';
import { forgetLinkKs, readUrlParam, urlWithoutParam } from '../../../src/components/unsubscribe-prefs/link-ks.js';
import { diffChoices, readDeclarations } from '../../../src/components/unsubscribe-prefs/prefs-model.js';
import type { KalEventDetails } from '../../../src/components/shared/events.js';
import {
  FAST_RETRIES,
  SANDBOX_URLS,
  callsTo,
  configureSandbox,
  control,
  mintKs,
  newPartner,
  sandboxPost,
  sandboxState,
  until,
} from '../helpers.js';
import { $, $$, part, root, stateText, text, stateTitle } from '../dom.js';

const VIEWER = 'viewer@example.com';
const ALL_DECLARED = ['event-updates', 'marketing-emails', 'session-reminders', 'weekly-digest'];

const savedConfig = { ...currentConfig() };
const originalUrl = location.href;
const restores: Array<() => void> = [];
afterEach(async () => {
  while (restores.length) restores.pop()!();
  configure({ ...savedConfig, getKs: savedConfig.getKs, tokenEndpoint: savedConfig.tokenEndpoint });
  history.replaceState(history.state, '', originalUrl);
  forgetLinkKs();
  await resetMouse();
});

const setUp = () => configureSandbox();

/** Only a KS from the page URL: no configured token source. */
function setUpLinkOnly() {
  const partnerId = newPartner();
  configure({ partnerId, serviceUrls: SANDBOX_URLS, getKs: undefined, tokenEndpoint: undefined, retryDelaysMs: FAST_RETRIES });
  return partnerId;
}

/** The demo page's four groups; `attributes` is trusted test markup. */
const prefs = (attributes = '') => staticHtml`<kal-unsubscribe-prefs ${unsafeStatic(attributes)}>
  <kal-pref-group group-id="event-updates" label="Event updates" description="Schedule changes and reminders"></kal-pref-group>
  <kal-pref-group group-id="session-reminders" label="Session reminders" description="A note before each session you saved"></kal-pref-group>
  <kal-pref-group group-id="marketing-emails" label="News and offers" description="Occasional news from the organiser"></kal-pref-group>
  <kal-pref-group group-id="weekly-digest" label="Weekly digest"></kal-pref-group>
</kal-unsubscribe-prefs>`;

const switchFor = (element: Element, id: string) => $<HTMLButtonElement>(element, `[data-group-id="${id}"] [part~=switch]`)!;
/** What the switches show: group id → subscribed. */
const shown = (element: Element) =>
  Object.fromEntries($$(element, '[part~=group]').map((row) => [row.dataset.groupId, row.querySelector('[role=switch]')?.getAttribute('aria-checked') === 'true']));
const status = (element: Element) => text(part(element, 'status'));

/** What the sandbox stores for the viewer (every user starts unsubscribed from marketing-emails). */
async function stored(partnerId: number): Promise<string[]> {
  const preferences = (await sandboxState(partnerId)).preferences[VIEWER];
  return [...(preferences ?? ['marketing-emails'])].sort();
}

/** The person's earlier choices, stored straight in the sandbox (test setup, not the widget). */
async function storeEarlier(partnerId: number, changes: { unsubscribed: string[]; subscribed: string[] }): Promise<void> {
  const { ks } = await mintKs(partnerId, { userId: VIEWER });
  const response = await fetch(`${SANDBOX_URLS.messaging}/unsubscribe-users/syncGroups`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ks}` },
    body: JSON.stringify(changes),
  });
  expect(response.ok).to.equal(true);
}

/** Mounts and waits for `kal-load`. */
async function mount(template = prefs()): Promise<KalUnsubscribePrefs> {
  const load = oneEvent(document, 'kal-load');
  const mounted = await fixture<HTMLElement>(template);
  const element = (mounted.localName === 'kal-unsubscribe-prefs' ? mounted : mounted.querySelector('kal-unsubscribe-prefs')) as KalUnsubscribePrefs;
  await load;
  await element.updateComplete;
  return element;
}

/** A real pointer click in the middle of the element. */
async function click(element: Element | null): Promise<void> {
  expect(element, 'element to click').to.exist;
  element!.scrollIntoView({ block: 'center' });
  const box = element!.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

function saves(element: HTMLElement): Array<KalEventDetails['kal-prefs-saved']> {
  const seen: Array<KalEventDetails['kal-prefs-saved']> = [];
  element.addEventListener('kal-prefs-saved', (event) => seen.push(event.detail));
  return seen;
}

function errors(target: EventTarget = document): Array<KalEventDetails['kal-error']> {
  const seen: Array<KalEventDetails['kal-error']> = [];
  const listener = (event: Event) => seen.push((event as CustomEvent<KalEventDetails['kal-error']>).detail);
  target.addEventListener('kal-error', listener);
  restores.push(() => target.removeEventListener('kal-error', listener));
  return seen;
}

function stubOnline(online: () => boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: online });
  restores.push(() => delete (navigator as unknown as Record<string, unknown>).onLine);
}

function beforeUnloadPrevented(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** The page URL as an email link would open it. */
function openAsLink(params: Record<string, string>, hash = ''): void {
  const url = new URL(originalUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.append(key, value);
  url.hash = hash;
  history.replaceState(history.state, '', url);
}

describe('<kal-unsubscribe-prefs>', () => {
  describe('helpers', () => {
    it('reads a URL parameter from the query or the fragment, keeping a standard-base64 "+"', () => {
      expect(readUrlParam('https://x.test/p?a=1&ks=abc+d%2Fe%3D&b=2', 'ks')).to.equal('abc+d/e=');
      expect(readUrlParam('https://x.test/p?a=1#ks=fromhash&x=1', 'ks')).to.equal('fromhash');
      expect(readUrlParam('https://x.test/p#/route?ks=routed', 'ks')).to.equal('routed');
      expect(readUrlParam('https://x.test/p?ks=', 'ks')).to.equal(undefined);
    });

    it('removes one parameter and keeps the others and the fragment exactly', () => {
      expect(urlWithoutParam('https://x.test/p?ks=abc&group=g&utm=a%20b#top', 'ks')).to.equal('/p?group=g&utm=a%20b#top');
      expect(urlWithoutParam('https://x.test/p?ks=abc', 'ks')).to.equal('/p');
      expect(urlWithoutParam('https://x.test/p?a=1#ks=abc&x=1', 'ks')).to.equal('/p?a=1#x=1');
      expect(urlWithoutParam('https://x.test/p#/route?ks=abc', 'ks')).to.equal('/p#/route');
      expect(urlWithoutParam('https://x.test/p#ks=abc', 'ks')).to.equal('/p');
    });

    it('sends only what differs from the last saved state', () => {
      const saved = new Set(['marketing-emails']);
      const choices = new Map([
        ['marketing-emails', true],
        ['weekly-digest', false],
        ['event-updates', true],
      ]);
      expect(diffChoices(saved, choices)).to.deep.equal({ unsubscribed: ['weekly-digest'], subscribed: ['marketing-emails'] });
    });

    it('keeps the first of two declarations of a group and reports it', () => {
      const result = readDeclarations([
        { id: 'a', label: 'First', description: null },
        { id: 'a', label: 'Second', description: null },
        { id: '', label: 'No id', description: null },
      ]);
      expect(result.groups).to.deep.equal([{ id: 'a', label: 'First', description: '' }]);
      expect(result.duplicates).to.deep.equal(['a']);
      expect(result.missingIds).to.equal(1);
    });
  });

  it('shows one switch per group, subscribed on, with labels and descriptions tied to it', async () => {
    setUp();
    const load = oneEvent(document, 'kal-load');
    const element = await fixture<KalUnsubscribePrefs>(prefs());
    expect(text(part(element, 'loading'))).to.equal('Loading…');
    const { detail } = await load;
    expect(detail.count).to.equal(4);
    await element.updateComplete;
    expect(shown(element)).to.deep.equal({ 'event-updates': true, 'session-reminders': true, 'marketing-emails': false, 'weekly-digest': true });
    const first = switchFor(element, 'event-updates');
    expect(first.getAttribute('type')).to.equal('button');
    expect(text($(element, `#${first.getAttribute('aria-labelledby')}`))).to.equal('Event updates');
    expect(text($(element, `#${first.getAttribute('aria-describedby')}`))).to.equal('Schedule changes and reminders');
    expect(switchFor(element, 'weekly-digest').hasAttribute('aria-describedby')).to.equal(false);
    expect(part(element, 'save')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('toggles with the pointer and the keyboard, and saves only the difference', async () => {
    const { partnerId } = setUp();
    const element = await mount();
    const seen = saves(element);
    await click(switchFor(element, 'weekly-digest'));
    expect(shown(element)['weekly-digest']).to.equal(false);
    expect(part(element, 'save')!.getAttribute('aria-disabled')).to.equal('false');
    // Clicking the label works too; switching back makes Save idle again.
    await click($(element, '[data-group-id="weekly-digest"] [part~=label]'));
    expect(shown(element)['weekly-digest']).to.equal(true);
    expect(part(element, 'save')!.getAttribute('aria-disabled')).to.equal('true');
    await click(switchFor(element, 'weekly-digest'));
    switchFor(element, 'marketing-emails').focus();
    await sendKeys({ press: 'Space' });
    expect(shown(element)['marketing-emails']).to.equal(true);

    await click(part(element, 'save'));
    await until(() => seen.length === 1, 'kal-prefs-saved');
    expect(seen[0]).to.deep.equal({ subscribed: ['marketing-emails'], unsubscribed: ['weekly-digest'] });
    await until(() => status(element) === 'Preferences saved');
    expect(part(element, 'status')!.getAttribute('role')).to.equal('status');
    expect(await stored(partnerId)).to.deep.equal(['weekly-digest']);
    expect(shown(element)).to.deep.equal({ 'event-updates': true, 'session-reminders': true, 'marketing-emails': true, 'weekly-digest': false });
    expect(part(element, 'save')!.getAttribute('aria-disabled')).to.equal('true');
    // Save clicked while nothing changed sends nothing.
    await click(part(element, 'save'));
    expect(await callsTo(partnerId, 'syncGroups')).to.have.length(1);
    await expect(element).to.be.accessible();
  });

  it('works by keyboard alone inside a host form, which is never submitted', async () => {
    const { partnerId } = setUp();
    let submits = 0;
    const form = await fixture<HTMLFormElement>(html`<form @submit=${(event: Event) => (submits++, event.preventDefault())}>
      <input name="email" aria-label="Email" />
      ${prefs()}
      <button>Host submit</button>
    </form>`);
    const element = form.querySelector<KalUnsubscribePrefs>('kal-unsubscribe-prefs')!;
    await until(() => !!switchFor(element, 'event-updates'), 'the switches');
    form.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    const first = switchFor(element, 'event-updates');
    expect(root(element).activeElement).to.equal(first);
    expect(first.matches(':focus-visible')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect(shown(element)['event-updates']).to.equal(false);
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
    expect(root(element).activeElement).to.equal(part(element, 'save'));
    const saved = oneEvent(element, 'kal-prefs-saved');
    await sendKeys({ press: 'Enter' });
    await saved;
    expect(await stored(partnerId)).to.deep.equal(['event-updates', 'marketing-emails']);
    expect(submits).to.equal(0);
  });

  it('unsubscribes from all after a confirmation that Escape and Cancel back out of', async () => {
    const { partnerId } = setUp();
    const element = await mount();
    await click(part(element, 'unsubscribe-all'));
    expect(part(element, 'confirm')).to.exist;
    expect(root(element).activeElement).to.equal(part(element, 'confirm-all'));
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(part(element, 'confirm')).to.equal(null);
    expect(root(element).activeElement).to.equal(part(element, 'unsubscribe-all'));

    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    await click(part(element, 'cancel'));
    await element.updateComplete;
    expect(part(element, 'confirm')).to.equal(null);
    expect(root(element).activeElement).to.equal(part(element, 'unsubscribe-all'));
    expect(shown(element)['event-updates']).to.equal(true);
    expect(await callsTo(partnerId, 'syncGroups')).to.have.length(0);

    const saved = oneEvent(element, 'kal-prefs-saved');
    await click(part(element, 'unsubscribe-all'));
    await click(part(element, 'confirm-all'));
    const { detail } = await saved;
    expect([...detail.unsubscribed].sort()).to.deep.equal(['event-updates', 'session-reminders', 'weekly-digest']);
    expect(detail.subscribed).to.deep.equal([]);
    expect(Object.values(shown(element))).to.deep.equal([false, false, false, false]);
    expect(await stored(partnerId)).to.deep.equal(ALL_DECLARED);
    await until(() => status(element) === 'Preferences saved');
    expect(part(element, 'unsubscribe-all')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('a saved note does not stay under the "unsubscribe from all" question', async () => {
    setUp();
    const element = await mount();
    await click(switchFor(element, 'event-updates'));
    const saved = oneEvent(element, 'kal-prefs-saved');
    await click(part(element, 'save'));
    await saved;
    await until(() => status(element) === 'Preferences saved');
    await click(part(element, 'unsubscribe-all'));
    expect(part(element, 'confirm')).to.exist;
    expect(status(element)).to.equal('');
  });

  it('one-click from an email link: strips the KS from the address bar, confirms, stores, never leaks the KS', async () => {
    const partnerId = setUpLinkOnly();
    await storeEarlier(partnerId, { unsubscribed: [], subscribed: ['marketing-emails'] });
    const { ks } = await mintKs(partnerId, { userId: VIEWER });
    const logged: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method];
      console[method] = (...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
        original.apply(console, args);
      };
      restores.push(() => (console[method] = original));
    }
    const details: unknown[] = [];
    for (const name of ['kal-load', 'kal-error', 'kal-prefs-saved']) {
      const listener = (event: Event) => details.push((event as CustomEvent).detail);
      document.addEventListener(name, listener);
      restores.push(() => document.removeEventListener(name, listener));
    }
    openAsLink({ ks, group: 'marketing-emails', utm: 'x' }, '#prefs');

    const element = await mount(prefs('ks-param="ks"'));
    const address = new URL(location.href);
    expect(location.href).not.to.contain(ks);
    expect(address.searchParams.has('ks')).to.equal(false);
    expect(address.searchParams.get('group')).to.equal('marketing-emails');
    expect(address.searchParams.get('utm')).to.equal('x');
    expect(address.hash).to.equal('#prefs');

    expect(text(part(element, 'one-click'))).to.contain('Unsubscribe from “News and offers”?');
    const buttons = $$(element, 'button');
    expect(buttons.map((button) => text(button))).to.deep.equal(['Confirm unsubscribe', 'Manage all email preferences']);
    await expect(element).to.be.accessible();
    // A proposal the person has not acted on does not hold them on the page.
    expect(beforeUnloadPrevented()).to.equal(false);

    const saved = oneEvent(element, 'kal-prefs-saved');
    await click(part(element, 'confirm-unsubscribe'));
    const { detail } = await saved;
    expect(detail).to.deep.equal({ subscribed: [], unsubscribed: ['marketing-emails'] });
    expect(await stored(partnerId)).to.deep.equal(['marketing-emails']);
    await until(() => text(part(element, 'one-click')).includes('You are unsubscribed from “News and offers”.'));
    expect(status(element)).to.equal('Preferences saved');
    expect(part(element, 'confirm-unsubscribe')).to.equal(null);

    // The KS is nowhere but in memory.
    expect(document.body.innerHTML).not.to.contain(ks);
    expect(root(element).innerHTML).not.to.contain(ks);
    expect([...element.attributes].map((attribute) => attribute.value).join(' ')).not.to.contain(ks);
    expect(JSON.stringify(details)).not.to.contain(ks);
    expect(logged.join('\n')).not.to.contain(ks);
    expect(details.length).to.be.greaterThan(1);

    // "Manage all" leads to every switch.
    await click(part(element, 'manage-all'));
    await element.updateComplete;
    expect(shown(element)['marketing-emails']).to.equal(false);
    expect(root(element).activeElement).to.equal(switchFor(element, 'marketing-emails'));
  });

  it('reads a link KS from the fragment too, and keeps it in memory when the element is mounted again', async () => {
    const partnerId = setUpLinkOnly();
    const { ks } = await mintKs(partnerId, { userId: VIEWER });
    openAsLink({ page: '2' }, `#ks=${ks}&tab=email`);
    const element = await mount(prefs('ks-param="ks"'));
    expect(location.href).not.to.contain(ks);
    expect(location.hash).to.equal('#tab=email');
    expect(new URL(location.href).searchParams.get('page')).to.equal('2');
    element.remove();
    // A later element (an app re-rendering its route) finds the KS in memory: no other source exists.
    const again = await mount(prefs('ks-param="ks"'));
    expect(shown(again)['marketing-emails']).to.equal(false);
    expect((await callsTo(partnerId, 'userGroupsStatus')).map((call) => call.status)).to.deep.equal([200, 200]);
  });

  it('one-click with unsubscribe-group: manage all keeps the group switched off, then saves it', async () => {
    const { partnerId } = setUp();
    const element = await mount(prefs('unsubscribe-group="weekly-digest"'));
    expect(text(part(element, 'one-click'))).to.contain('Unsubscribe from “Weekly digest”?');
    await click(part(element, 'manage-all'));
    await element.updateComplete;
    expect(root(element).activeElement).to.equal(switchFor(element, 'weekly-digest'));
    expect(shown(element)['weekly-digest']).to.equal(false);
    expect(part(element, 'save')!.getAttribute('aria-disabled')).to.equal('false');
    expect(beforeUnloadPrevented()).to.equal(true);
    const saved = oneEvent(element, 'kal-prefs-saved');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await saved;
    expect(await stored(partnerId)).to.deep.equal(['marketing-emails', 'weekly-digest']);
  });

  it('one-click for a group already left says so, without a pointless confirm', async () => {
    setUp();
    const element = await mount(prefs('unsubscribe-group="marketing-emails"'));
    expect(text(part(element, 'one-click'))).to.contain('You are already unsubscribed from “News and offers”.');
    expect(part(element, 'confirm-unsubscribe')).to.equal(null);
    expect(part(element, 'manage-all')).to.exist;
  });

  it('ignores a URL "group" parameter that names no declared group', async () => {
    setUp();
    openAsLink({ group: 'forum-7' });
    const element = await mount();
    expect(part(element, 'one-click')).to.equal(null);
    expect(Object.keys(shown(element))).to.deep.equal(['event-updates', 'session-reminders', 'marketing-emails', 'weekly-digest']);
  });

  it('a failed load shows the reason and a retry that recovers', async () => {
    const { partnerId } = setUp();
    await control(partnerId, { fail: { status: 500, count: 4, match: 'userGroupsStatus' } });
    const reported = oneEvent(document, 'kal-error');
    const element = await fixture<KalUnsubscribePrefs>(prefs());
    expect((await reported).detail.code).to.equal('server');
    await until(() => !!part(element, 'retry'));
    expect(stateText(part(element, 'error'))).to.contain('The service is having trouble right now.');
    const load = oneEvent(element, 'kal-load');
    await click(part(element, 'retry'));
    await load;
    expect(shown(element)['marketing-emails']).to.equal(false);
  });

  it('saves after the service fails twice, keeping the choices', async () => {
    const { partnerId } = setUp();
    const element = await mount();
    await control(partnerId, { fail: { status: 500, count: 2, match: 'syncGroups' } });
    const seen = errors();
    await click(switchFor(element, 'session-reminders'));
    const saved = oneEvent(element, 'kal-prefs-saved');
    await click(part(element, 'save'));
    await saved;
    expect(seen).to.have.length(0);
    expect((await callsTo(partnerId, 'syncGroups')).map((call) => call.status)).to.deep.equal([500, 500, 200]);
    expect(shown(element)['session-reminders']).to.equal(false);
    expect(await stored(partnerId)).to.deep.equal(['marketing-emails', 'session-reminders']);
  });

  it('a save failing for good keeps every choice with the reason and a retry that then saves', async () => {
    const { partnerId } = setUp();
    const element = await mount();
    await control(partnerId, { fail: { status: 500, count: -1, match: 'syncGroups' } });
    await click(switchFor(element, 'event-updates'));
    await click(switchFor(element, 'marketing-emails'));
    const failed = oneEvent(element, 'kal-error');
    await click(part(element, 'save'));
    const { detail } = await failed;
    expect(detail).to.deep.equal({ code: 'server', message: 'unsubscribe-users/syncGroups: the service failed (500)', retryable: true });
    await until(() => !!part(element, 'failure'));
    expect(text(part(element, 'failure'))).to.contain('Your choices were not saved. The service is having trouble right now. Please try again.');
    expect(part(element, 'failure')!.getAttribute('role')).to.equal('alert');
    expect(shown(element)).to.deep.equal({ 'event-updates': false, 'session-reminders': true, 'marketing-emails': true, 'weekly-digest': true });
    expect(part(element, 'save')!.getAttribute('aria-disabled')).to.equal('false');
    expect(beforeUnloadPrevented()).to.equal(true);
    await expect(element).to.be.accessible();

    await sandboxPost('reset', { partnerId }); // clears the fault (nothing was stored)
    const saved = oneEvent(element, 'kal-prefs-saved');
    await click(part(element, 'retry'));
    expect((await saved).detail).to.deep.equal({ subscribed: ['marketing-emails'], unsubscribed: ['event-updates'] });
    await until(() => status(element) === 'Preferences saved');
    expect(part(element, 'failure')).to.equal(null);
    expect(await stored(partnerId)).to.deep.equal(['event-updates']);
  });

  it('a 401 mid-save refreshes the KS and saves without losing the choices', async () => {
    const { partnerId, contexts } = setUp();
    const element = await mount();
    await control(partnerId, { fail: { status: 401, count: 1, match: 'syncGroups' } });
    await click(switchFor(element, 'weekly-digest'));
    const saved = oneEvent(element, 'kal-prefs-saved');
    await click(part(element, 'save'));
    await saved;
    expect(contexts.map((context) => context.reason)).to.deep.equal(['initial', 'rejected']);
    expect(await stored(partnerId)).to.deep.equal(['marketing-emails', 'weekly-digest']);
    expect(shown(element)['weekly-digest']).to.equal(false);
  });

  it('a link KS refused mid-save says the link has expired, offers a new one, and keeps the choices', async () => {
    const partnerId = setUpLinkOnly();
    const { ks } = await mintKs(partnerId, { userId: VIEWER });
    openAsLink({ ks });
    const element = await mount(prefs('ks-param="ks" link-request-url="/email-links/new"'));
    await control(partnerId, { fail: { status: 401, count: 1, match: 'syncGroups' } });
    await click(switchFor(element, 'weekly-digest'));
    const failed = oneEvent(element, 'kal-error');
    await click(part(element, 'save'));
    const { detail } = await failed;
    expect(detail.code).to.equal('unauthorized');
    expect(detail.retryable).to.equal(false);
    await until(() => text(part(element, 'failure')) === 'This link has expired: request a new one Get a new link');
    expect(part(element, 'retry')).to.equal(null);
    expect(new URL(part<HTMLAnchorElement>(element, 'action')!.href).pathname).to.equal('/email-links/new');
    expect(shown(element)['weekly-digest']).to.equal(false);
    expect(await stored(partnerId)).to.deep.equal(['marketing-emails']);
  });

  it('an expired link says so, says what to do instead, and offers no pointless retry', async () => {
    const partnerId = setUpLinkOnly();
    const { ks } = await mintKs(partnerId, { userId: VIEWER, expiresIn: -60 });
    openAsLink({ ks });
    const reported = oneEvent(document, 'kal-error');
    const element = await fixture<KalUnsubscribePrefs>(prefs('ks-param="ks" link-request-url="javascript:alert(1)"'));
    const { detail } = await reported;
    expect(detail.code).to.equal('unauthorized');
    expect(detail.message).not.to.contain(ks);
    // An unsafe link-request-url is no link: the person is told to use the latest email's link.
    await until(() => stateText(part(element, 'error')) === 'This link has expired. Open the most recent email from us and use its link.');
    expect(part(element, 'action')).to.equal(null);
    expect($(element, 'button')).to.equal(null);
    expect(location.href).not.to.contain(ks);
    await expect(element).to.be.accessible();

    // With a page of the host's for new links, the state leads there.
    element.linkRequestUrl = '/email-links/new';
    await element.updateComplete;
    expect(stateTitle(part(element, 'error'))).to.equal('Sign-in needed');
    expect(stateText(part(element, 'error'))).to.equal('This link has expired: request a new one');
    const link = part<HTMLAnchorElement>(element, 'action')!;
    expect(text(link)).to.equal('Get a new link');
    expect(new URL(link.href).pathname).to.equal('/email-links/new');
    await expect(element).to.be.accessible();
  });

  it('offline at save time: says it will save on reconnection, and does', async () => {
    const { partnerId } = setUp();
    const element = await mount();
    let online = false;
    stubOnline(() => online);
    window.dispatchEvent(new Event('offline'));
    await click(switchFor(element, 'event-updates'));
    await click(part(element, 'save'));
    await until(() => status(element) === 'You are offline: we will save when you reconnect');
    expect(await callsTo(partnerId, 'syncGroups')).to.have.length(0);
    expect(beforeUnloadPrevented()).to.equal(true);
    // A change made while offline is part of what is sent.
    await click(switchFor(element, 'weekly-digest'));
    await expect(element).to.be.accessible();

    online = true;
    const saved = oneEvent(element, 'kal-prefs-saved');
    window.dispatchEvent(new Event('online'));
    expect((await saved).detail).to.deep.equal({ subscribed: [], unsubscribed: ['event-updates', 'weekly-digest'] });
    await until(() => status(element) === 'Preferences saved');
    expect(await stored(partnerId)).to.deep.equal(['event-updates', 'marketing-emails', 'weekly-digest']);
    expect(beforeUnloadPrevented()).to.equal(false);
  });

  it('a dropped connection while online says the choices were not saved (not "offline"), keeps them, and saves on retry or reconnection', async () => {
    const { partnerId } = setUp();
    const element = await mount();
    await control(partnerId, { fail: { status: 0, count: -1, match: 'syncGroups' } });
    await click(switchFor(element, 'session-reminders'));
    const failed = oneEvent(element, 'kal-error');
    await click(part(element, 'save'));
    expect((await failed).detail.code).to.equal('network');
    await until(() => text(part(element, 'failure')).includes('Your choices were not saved. The service could not be reached.'));
    expect(status(element)).to.equal('');
    expect(part(element, 'failure')!.querySelector('[part~=retry]'), 'the retry, with the message').not.to.equal(null);
    expect(shown(element)['session-reminders']).to.equal(false);
    await sandboxPost('reset', { partnerId });
    const saved = oneEvent(element, 'kal-prefs-saved');
    window.dispatchEvent(new Event('online'));
    await saved;
    expect(await stored(partnerId)).to.deep.equal(['marketing-emails', 'session-reminders']);
  });

  it('asks before leaving only while there are unsaved changes, and stops asking once removed', async () => {
    setUp();
    const element = await mount();
    expect(beforeUnloadPrevented()).to.equal(false);
    await click(switchFor(element, 'event-updates'));
    await element.updateComplete;
    expect(beforeUnloadPrevented()).to.equal(true);
    const saved = oneEvent(element, 'kal-prefs-saved');
    await click(part(element, 'save'));
    await saved;
    await element.updateComplete;
    expect(beforeUnloadPrevented()).to.equal(false);
    await click(switchFor(element, 'event-updates'));
    await element.updateComplete;
    expect(beforeUnloadPrevented()).to.equal(true);
    element.remove();
    expect(beforeUnloadPrevented()).to.equal(false);
  });

  it('shows progress while saving and ignores a second submit', async () => {
    const { partnerId } = setUp();
    const element = await mount();
    await control(partnerId, { latencyMs: 400 });
    await click(switchFor(element, 'weekly-digest'));
    const seen = saves(element);
    await click(part(element, 'save'));
    await until(() => text(part(element, 'save')) === 'Saving…');
    const save = part(element, 'save')!;
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    expect(save.getAttribute('aria-busy')).to.equal('true');
    expect(part(element, 'groups')!.getAttribute('aria-busy')).to.equal('true');
    expect(root(element).activeElement).to.equal(save);
    await click(save);
    await sendKeys({ press: 'Enter' });
    await element.save();
    await until(() => seen.length === 1, 'the save');
    await until(() => text(part(element, 'save')) === 'Save preferences');
    expect(part(element, 'groups')!.getAttribute('aria-busy')).to.equal('false');
    expect(await callsTo(partnerId, 'syncGroups')).to.have.length(1);
    expect(await stored(partnerId)).to.deep.equal(['marketing-emails', 'weekly-digest']);
  });

  for (const shape of ['ids', 'objects', 'array'] as const) {
    it(`reads the "${shape}" shape of userGroupsStatus`, async () => {
      const { partnerId } = setUp();
      await control(partnerId, { groupsStatusShape: shape });
      await storeEarlier(partnerId, { unsubscribed: ['weekly-digest'], subscribed: [] });
      const element = await mount();
      expect(shown(element)).to.deep.equal({ 'event-updates': true, 'session-reminders': true, 'marketing-emails': false, 'weekly-digest': false });
    });
  }

  it('shows groups the server knows but the page does not declare, labelled by id', async () => {
    const { partnerId } = setUp();
    await storeEarlier(partnerId, { unsubscribed: ['vip-offers'], subscribed: [] });
    const element = await mount();
    const extra = $(element, '[data-group-id="vip-offers"]');
    expect(text(extra?.querySelector('[part~=label]'))).to.equal('vip-offers');
    expect(shown(element)['vip-offers']).to.equal(false);
    await click(switchFor(element, 'vip-offers'));
    const saved = oneEvent(element, 'kal-prefs-saved');
    await click(part(element, 'save'));
    expect((await saved).detail).to.deep.equal({ subscribed: ['vip-offers'], unsubscribed: [] });
    expect(await stored(partnerId)).to.deep.equal(['marketing-emails']);
  });

  it('follows declarations added, changed and removed while open', async () => {
    setUp();
    const element = await mount();
    const declaration = element.querySelector('kal-pref-group[group-id="weekly-digest"]')!;
    declaration.setAttribute('label', 'Friday digest');
    await until(() => text($(element, '[data-group-id="weekly-digest"] [part~=label]')) === 'Friday digest');
    declaration.remove();
    await until(() => !$(element, '[data-group-id="weekly-digest"]'));
    const added = document.createElement('kal-pref-group');
    added.groupId = 'sponsor-offers';
    added.textContent = 'Sponsor offers';
    element.append(added);
    await until(() => text($(element, '[data-group-id="sponsor-offers"] [part~=label]')) === 'Sponsor offers');
    expect(shown(element)['sponsor-offers']).to.equal(true);
  });

  it('shows a group declared twice once and reports the duplicate by name', async () => {
    setUp();
    const seen = errors();
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    restores.push(() => (console.warn = original));
    const element = await mount(html`<kal-unsubscribe-prefs>
      <kal-pref-group group-id="event-updates" label="Event updates"></kal-pref-group>
      <kal-pref-group group-id="event-updates" label="Event news"></kal-pref-group>
    </kal-unsubscribe-prefs>`);
    expect(seen).to.have.length(1);
    expect(seen[0]!.code).to.equal('config');
    expect(seen[0]!.message).to.contain('"event-updates" is declared twice');
    expect(warnings.join()).to.contain('"event-updates" is declared twice');
    expect($$(element, '[data-group-id="event-updates"]')).to.have.length(1);
    expect(text($(element, '[part~=label]'))).to.equal('Event updates');
  });

  it('explains a page that declares no groups, and recovers when one is added', async () => {
    setUp();
    const reported = oneEvent(document, 'kal-error');
    const element = await fixture<KalUnsubscribePrefs>(html`<kal-unsubscribe-prefs></kal-unsubscribe-prefs>`);
    const { detail } = await reported;
    expect(detail.code).to.equal('config');
    expect(detail.message).to.contain('<kal-pref-group>');
    await until(() => stateText(part(element, 'error')) === 'This page is not set up correctly: it lists no email preferences.');
    expect($(element, 'button')).to.equal(null);
    const load = oneEvent(element, 'kal-load');
    element.innerHTML = '<kal-pref-group group-id="event-updates" label="Event updates"></kal-pref-group>';
    await load;
    expect(shown(element)).to.deep.equal({ 'event-updates': true, 'marketing-emails': false });
  });

  it('explains a missing KS source', async () => {
    configure({ partnerId: newPartner(), getKs: undefined, tokenEndpoint: undefined, serviceUrls: SANDBOX_URLS });
    const reported = oneEvent(document, 'kal-error');
    const element = await fixture<KalUnsubscribePrefs>(prefs());
    expect((await reported).detail.code).to.equal('config');
    await until(() => stateText(part(element, 'error')).includes('no way to get a session'));
    expect($(element, 'button')).to.equal(null);
  });

  it('explains a link that lost its KS when the page has no other source', async () => {
    setUpLinkOnly();
    const reported = oneEvent(document, 'kal-error');
    const element = await fixture<KalUnsubscribePrefs>(prefs('ks-param="ks"'));
    const { detail } = await reported;
    expect(detail.code).to.equal('config');
    expect(detail.message).to.contain('"ks"');
    await until(() => stateText(part(element, 'error')).includes('needs the link from your email'));
  });

  it('uses the configured token source when the URL has no KS', async () => {
    const { partnerId } = setUp();
    const element = await mount(prefs('ks-param="ks"'));
    expect(shown(element)['marketing-emails']).to.equal(false);
    expect(await callsTo(partnerId, 'userGroupsStatus')).to.have.length(1);
  });

  it('is accessible in light, dark and right-to-left', async () => {
    setUp();
    const light = await mount(prefs('theme="light"'));
    await click(switchFor(light, 'event-updates'));
    await expect(light).to.be.accessible();
    const dark = await mount(prefs('theme="dark"'));
    await expect(dark).to.be.accessible();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="he" dir="rtl">${prefs()}</div>`);
    const rtl = wrapper.querySelector<KalUnsubscribePrefs>('kal-unsubscribe-prefs')!;
    await until(() => !!switchFor(rtl, 'event-updates'));
    expect(part(rtl, 'base')!.getAttribute('dir')).to.equal('rtl');
    await expect(rtl).to.be.accessible();
  });
});
