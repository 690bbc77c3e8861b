import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { configure, currentConfig } from '../../../src/config.js';
import '../../../src/components/badge-progress/define.js';
import { safeUrl } from '../../../src/components/shared/safe-url.js';
import type { KalBadgeProgress } from '../../../src/components/badge-progress/kal-badge-progress.js';
import {
  callsTo,
  configureSandbox,
  control,
  intercept,
  sandboxPost,
  until,
} from '../helpers.js';
import { $, $$, mountLoaded, root, stateText, text } from '../dom.js';

const VIEWER = 'viewer@example.com';
const EVENT_BADGES = ['badge_attendee', 'badge_pollster', 'badge_marathon', 'badge_networker', 'badge_quiz', 'badge_sponsor'];

const saved = { ...currentConfig() };
const restores: Array<() => void> = [];
afterEach(() => {
  while (restores.length) restores.pop()!();
  configure({ ...saved, getKs: saved.getKs, tokenEndpoint: saved.tokenEndpoint });
});

/** A fresh partner, configured; returns its id. */
const setUp = (format: 'v1' | 'v2' = 'v2'): number => configureSandbox({ format }).partnerId;

const badge = (element: Element, id: string) => $(element, `[part~=badge][data-badge-id="${id}"]`);
const shownIds = (element: Element) => $$(element, '[part~=badge]').map((each) => each.dataset.badgeId);
const bars = (node: Element | null) => [...(node?.querySelectorAll<HTMLElement>('[role=progressbar]') ?? [])];

/** Mounts the element and waits for `kal-load`. */
const loaded = (template: ReturnType<typeof html>) => mountLoaded<KalBadgeProgress>(template, 'kal-badge-progress');

const mediumDate = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso));

describe('<kal-badge-progress>', () => {
  describe('layouts and states', () => {
    it('shows loading, then every badge of an event in a grid with states, bars and a summary', async () => {
      const partnerId = setUp();
      await control(partnerId, { latencyMs: 200 });
      const load = oneEvent(document, 'kal-load');
      const element = await fixture<KalBadgeProgress>(html`<kal-badge-progress virtual-event-id="12345"></kal-badge-progress>`);
      expect(text($(element, '[part=loading]'))).to.equal('Loading…');
      const { detail } = await load;
      expect(detail.count).to.equal(6);
      expect(element.layout).to.equal('grid');
      expect(shownIds(element)).to.deep.equal(EVENT_BADGES);
      expect(text($(element, '[part=summary]'))).to.equal('2 of 6 badges earned');

      const attendee = badge(element, 'badge_attendee')!;
      expect(attendee.dataset.state).to.equal('achieved');
      expect(text(attendee.querySelector('[part=name]'))).to.equal('Session Attendee');
      expect(text(attendee.querySelector('[part=description]'))).to.equal('Attend 3 sessions to earn this badge');
      expect(text(attendee.querySelector('[part=status]'))).to.equal(`Achieved on ${mediumDate('2025-06-15T10:30:00Z')}`);
      const icon = attendee.querySelector<HTMLImageElement>('[part=icon] img')!;
      expect(new URL(icon.src).pathname).to.equal('/sandbox/assets/badges/badge_attendee.svg');
      expect(icon.alt).to.equal('');

      const marathon = badge(element, 'badge_marathon')!;
      expect(marathon.dataset.state).to.equal('in-progress');
      expect(text(marathon.querySelector('[part=status]'))).to.equal('In progress');
      const [minutes, sessions] = bars(marathon);
      expect(minutes!.getAttribute('aria-valuemin')).to.equal('0');
      expect(minutes!.getAttribute('aria-valuemax')).to.equal('60');
      expect(minutes!.getAttribute('aria-valuenow')).to.equal('42');
      expect(minutes!.getAttribute('aria-valuetext')).to.equal('42 of 60 · Watch 60 minutes');
      expect(text(minutes!.closest('[part=progress]')!.querySelector('.rule-count'))).to.equal('42 / 60');
      expect(sessions!.getAttribute('aria-valuetext')).to.equal('5 of 5 · Watch 5 different sessions');

      const networker = badge(element, 'badge_networker')!;
      expect(bars(networker).map((bar) => bar.getAttribute('aria-valuenow'))).to.deep.equal(['3', '0', '1']);

      const quiz = badge(element, 'badge_quiz')!;
      expect(quiz.dataset.state).to.equal('locked');
      expect(text(quiz.querySelector('[part=status]'))).to.equal('Locked');
      expect(bars(quiz)[0]!.getAttribute('aria-valuetext')).to.equal('0 of 2 · Pass 2 quizzes');
      await expect(element).to.be.accessible();
    });

    it('draws each bar from its share without a style attribute in the markup', async () => {
      setUp();
      const { element } = await loaded(html`<kal-badge-progress badge-ids="badge_marathon"></kal-badge-progress>`);
      const [minutes, sessions] = bars(badge(element, 'badge_marathon'));
      const share = (bar: HTMLElement) => bar.querySelector<HTMLElement>('[part=bar-fill]')!.style.getPropertyValue('--_fill');
      expect(share(minutes!)).to.equal(String(42 / 60));
      expect(share(sessions!)).to.equal('1');
    });

    it('shows the listed badges in a list, in the order given, and sorts achieved first or last', async () => {
      setUp();
      const { element, count } = await loaded(
        html`<kal-badge-progress layout="list" badge-ids="badge_quiz, badge_attendee,badge_marathon,badge_quiz"></kal-badge-progress>`,
      );
      expect(count).to.equal(3);
      expect($(element, '.root')!.classList.contains('layout--list')).to.equal(true);
      expect(shownIds(element)).to.deep.equal(['badge_quiz', 'badge_attendee', 'badge_marathon']);
      expect(text($(element, '[part=summary]'))).to.equal('1 of 3 badges earned');
      element.sort = 'achieved-first';
      await element.updateComplete;
      expect(shownIds(element)).to.deep.equal(['badge_attendee', 'badge_quiz', 'badge_marathon']);
      element.sort = 'achieved-last';
      await element.updateComplete;
      expect(shownIds(element)).to.deep.equal(['badge_quiz', 'badge_marathon', 'badge_attendee']);
      await expect(element).to.be.accessible();
    });

    it('asks for the user of a readable KS', async () => {
      setUp('v1');
      const asked: unknown[] = [];
      restores.push(intercept('/userScore/ruleProgress', { request: (body) => asked.push(body.userId) }));
      const { element } = await loaded(html`<kal-badge-progress badge-ids="badge_attendee,badge_marathon"></kal-badge-progress>`);
      expect(badge(element, 'badge_attendee')!.dataset.state).to.equal('achieved');
      expect(asked).to.deep.equal([VIEWER, VIEWER]);
    });

    it("lets the service answer for the KS's own user when the KS is not readable", async () => {
      setUp('v2');
      const asked: unknown[] = [];
      restores.push(intercept('/userScore/ruleProgress', { request: (body) => asked.push(body.userId) }));
      const { element } = await loaded(html`<kal-badge-progress badge-ids="badge_attendee"></kal-badge-progress>`);
      expect(asked).to.deep.equal([undefined]);
      expect(badge(element, 'badge_attendee')!.dataset.state).to.equal('achieved');
    });

    it('asks for the user named by user-id', async () => {
      setUp('v1');
      const asked: unknown[] = [];
      restores.push(intercept('/userScore/ruleProgress', { request: (body) => asked.push(body.userId) }));
      await loaded(html`<kal-badge-progress user-id="someone@example.com" badge-ids="badge_attendee"></kal-badge-progress>`);
      expect(asked).to.deep.equal(['someone@example.com']);
    });

    it('shows a friendly empty state when there are no badges', async () => {
      setUp();
      const { element, count } = await loaded(html`<kal-badge-progress virtual-event-id="no-such-event"></kal-badge-progress>`);
      expect(count).to.equal(0);
      expect(stateText($(element, '[part=empty]'))).to.equal('There are no badges to show yet.');
      expect($(element, '[part=summary]')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('skips badge ids that do not exist and says how many', async () => {
      setUp();
      const { element, count } = await loaded(
        html`<kal-badge-progress badge-ids="badge_attendee,badge_nope,badge_gone"></kal-badge-progress>`,
      );
      expect(count).to.equal(1);
      expect(shownIds(element)).to.deep.equal(['badge_attendee']);
      expect(text($(element, '.note--missing'))).to.equal('2 badges could not be found.');
      expect(text($(element, '[part=summary]'))).to.equal('1 of 1 badge earned');
    });

    it('shows the empty state and the note when no listed badge exists', async () => {
      setUp();
      const { element } = await loaded(html`<kal-badge-progress badge-ids="badge_nope"></kal-badge-progress>`);
      expect(text($(element, '.note--missing'))).to.equal('1 badge could not be found.');
      expect($(element, '[part=empty]')).not.to.equal(null);
    });

    it('caps the bar and the count at the goal: an exceeded goal (4 of 1) reads as complete', async () => {
      setUp();
      const { element } = await loaded(html`<kal-badge-progress badge-ids="badge_pollster"></kal-badge-progress>`);
      const [bar] = bars(badge(element, 'badge_pollster'));
      expect(Number(bar!.getAttribute('aria-valuenow'))).to.be.at.most(Number(bar!.getAttribute('aria-valuemax')));
      expect(bar!.getAttribute('aria-valuenow')).to.equal('1');
      expect(bar!.getAttribute('aria-valuetext')).to.equal('1 of 1 · Answer 1 poll');
      expect(text(bar!.closest('[part=progress]')!.querySelector('.rule-count'))).to.equal('1 / 1');
      const fillElement = bar!.querySelector<HTMLElement>('[part=bar-fill]')!;
      await until(() => Math.abs(fillElement.getBoundingClientRect().width - bar!.getBoundingClientRect().width) < 1, 'a full bar');
    });

    it('renders in the dark theme without accessibility violations', async () => {
      setUp();
      const { element } = await loaded(html`<kal-badge-progress theme="dark" virtual-event-id="12345"></kal-badge-progress>`);
      expect(element.getAttribute('theme')).to.equal('dark');
      await expect(element).to.be.accessible();
    });

    it('renders right-to-left without accessibility violations', async () => {
      setUp();
      const { element } = await loaded(
        html`<div lang="he" dir="rtl"><kal-badge-progress virtual-event-id="12345"></kal-badge-progress></div>`,
      );
      expect($(element, '.root')!.getAttribute('dir')).to.equal('rtl');
      const card = badge(element, 'badge_marathon')!;
      const [bar] = bars(card);
      const fillBox = bar!.querySelector('[part=bar-fill]')!.getBoundingClientRect();
      // The fill grows from the inline start: the right edge in RTL.
      expect(Math.round(fillBox.right)).to.equal(Math.round(bar!.getBoundingClientRect().right));
      await expect(element).to.be.accessible();
    });
  });

  describe('compact layout', () => {
    afterEach(() => resetMouse());

    it('shows each badge as a focusable icon whose tooltip opens on focus and closes with Escape', async () => {
      setUp();
      const { element } = await loaded(
        html`<kal-badge-progress layout="compact" badge-ids="badge_marathon,badge_attendee"></kal-badge-progress>`,
      );
      const buttons = $$<HTMLButtonElement>(element, 'button[part=icon]');
      expect(buttons).to.have.length(2);
      expect(text(buttons[0])).to.equal('Marathon Viewer');
      const tips = $$(element, '[role=tooltip]');
      expect(tips.every((tip) => tip.hidden)).to.equal(true);

      await sendKeys({ press: 'Tab' });
      await element.updateComplete;
      expect(root(element).activeElement).to.equal(buttons[0]);
      const tip = root(element).getElementById(buttons[0]!.getAttribute('aria-describedby')!)!;
      expect(tip.hidden).to.equal(false);
      expect(tip.checkVisibility()).to.equal(true);
      expect(text(tip)).to.contain('Marathon Viewer');
      expect(text(tip)).to.contain('In progress');
      expect(text(tip)).to.contain('42 of 60 · Watch 60 minutes');
      await expect(element).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(tip.hidden).to.equal(true);
      expect(root(element).activeElement).to.equal(buttons[0]);

      await sendKeys({ press: 'Tab' });
      await element.updateComplete;
      expect(root(element).activeElement).to.equal(buttons[1]);
      const second = root(element).getElementById(buttons[1]!.getAttribute('aria-describedby')!)!;
      expect(tip.hidden).to.equal(true);
      expect(second.hidden).to.equal(false);
      expect(text(second)).to.contain(`Achieved on ${mediumDate('2025-06-15T10:30:00Z')}`);
    });

    it('opens a tooltip on hover and closes it when the pointer leaves or Escape is pressed', async () => {
      setUp();
      const { element } = await loaded(html`<kal-badge-progress layout="compact" badge-ids="badge_quiz,badge_attendee"></kal-badge-progress>`);
      const [first] = $$<HTMLButtonElement>(element, 'button[part=icon]');
      const tip = root(element).getElementById(first!.getAttribute('aria-describedby')!)!;
      const box = first!.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await until(() => !tip.hidden, 'the tooltip on hover');
      expect(text(tip)).to.contain('Quiz Whiz');
      expect(text(tip)).to.contain('Locked');
      await sendKeys({ press: 'Escape' });
      await until(() => tip.hidden === true, 'Escape to close the tooltip');
      await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2) + 400] });
      await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await until(() => !tip.hidden, 'the tooltip on hover again');
      await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2) + 400] });
      await until(() => tip.hidden === true, 'the tooltip to close when the pointer leaves');
    });
  });

  describe('live', () => {
    it('celebrates a badge earned while the page is open', async () => {
      const partnerId = setUp();
      const { element } = await loaded(html`<kal-badge-progress live badge-ids="badge_marathon,badge_quiz"></kal-badge-progress>`);
      expect(badge(element, 'badge_marathon')!.dataset.state).to.equal('in-progress');
      expect(text($(element, '[part=summary]'))).to.equal('0 of 2 badges earned');
      await sandboxPost('progress', { partnerId, userId: VIEWER, badgeId: 'badge_marathon', ruleId: 'rule_marathon_minutes', progress: 60 });

      const achieved = oneEvent(element, 'kal-badge-achieved');
      const loads: Event[] = [];
      element.addEventListener('kal-load', (event) => loads.push(event));
      const refreshing = element.refresh();
      await element.updateComplete;
      // The badges stay on screen while the refresh is in flight.
      expect($(element, '[part=loading]')).to.equal(null);
      expect(badge(element, 'badge_marathon')).not.to.equal(null);
      await refreshing;
      const { detail } = await achieved;
      expect(detail.badgeId).to.equal('badge_marathon');
      expect(new Date(detail.achievedAt).toISOString()).to.equal(detail.achievedAt);

      const marathon = badge(element, 'badge_marathon')!;
      expect(marathon.dataset.state).to.equal('achieved');
      expect(text(marathon.querySelector('[part=status]'))).to.equal(`Achieved on ${mediumDate(detail.achievedAt)}`);
      expect(marathon.classList.contains('celebrate')).to.equal(true);
      expect(text($(element, '[part=summary]'))).to.equal('1 of 2 badges earned');
      const announcer = $(element, '.announcer')!;
      expect(announcer.getAttribute('aria-live')).to.equal('polite');
      expect(text(announcer)).to.equal('Badge earned: Marathon Viewer');
      expect(loads).to.have.length(0);

      // Nothing new on the next refresh: no second event, no celebration.
      const again: Event[] = [];
      element.addEventListener('kal-badge-achieved', (event) => again.push(event));
      await element.refresh();
      expect(again).to.have.length(0);
      expect(badge(element, 'badge_marathon')!.classList.contains('celebrate')).to.equal(false);
    });

    it('skips the animation when the viewer prefers reduced motion', async () => {
      const partnerId = setUp();
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const { element } = await loaded(html`<kal-badge-progress badge-ids="badge_quiz"></kal-badge-progress>`);
        await sandboxPost('progress', { partnerId, userId: VIEWER, badgeId: 'badge_quiz', ruleId: 'rule_quiz_passed', progress: 2 });
        const achieved = oneEvent(element, 'kal-badge-achieved');
        await element.refresh();
        expect((await achieved).detail.badgeId).to.equal('badge_quiz');
        expect(badge(element, 'badge_quiz')!.dataset.state).to.equal('achieved');
        expect(badge(element, 'badge_quiz')!.classList.contains('celebrate')).to.equal(false);
        expect(text($(element, '.announcer'))).to.equal('Badge earned: Quiz Whiz');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('refreshes on its own when live', async () => {
      const partnerId = setUp();
      await loaded(html`<kal-badge-progress live refresh-interval="1" badge-ids="badge_quiz"></kal-badge-progress>`);
      expect(await callsTo(partnerId, 'badge/list')).to.have.length(1);
      // The interval is clamped to 5 s; the refresh comes on its own.
      await until(async () => (await callsTo(partnerId, 'badge/list')).length >= 2, 'a live refresh', 15_000);
    });

    it('keeps the last badges with a quiet note when a refresh fails, reports once, and recovers', async () => {
      const partnerId = setUp();
      const { element } = await loaded(html`<kal-badge-progress badge-ids="badge_marathon"></kal-badge-progress>`);
      const errors: CustomEvent[] = [];
      element.addEventListener('kal-error', (event) => errors.push(event));
      await control(partnerId, { fail: { status: 403, count: 2, match: 'badge/list' } });
      await element.refresh();
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.code).to.equal('forbidden');
      expect(badge(element, 'badge_marathon')).not.to.equal(null);
      expect(text($(element, '.note--stale'))).to.contain('Progress could not be updated just now.');
      expect($(element, '[role=alert]')).to.equal(null);
      await element.refresh();
      expect(errors).to.have.length(1);
      expect($(element, '.note--stale')).not.to.equal(null);
      await expect(element).to.be.accessible();
      $<HTMLButtonElement>(element, '.note--stale button')!.click();
      await until(() => !$(element, '.note--stale'), 'the note to go after a good refresh');
      expect(badge(element, 'badge_marathon')).not.to.equal(null);
    });
  });

  describe('icons and hostile data', () => {
    it('accepts only https or same-origin icon URLs', () => {
      const base = 'http://localhost:8000/page/';
      const origin = 'http://localhost:8000';
      expect(safeUrl('https://cdn.example.com/a.png', base, origin)).to.equal('https://cdn.example.com/a.png');
      expect(safeUrl('/sandbox/a.svg', base, origin)).to.equal('http://localhost:8000/sandbox/a.svg');
      expect(safeUrl('icons/a.svg', base, origin)).to.equal('http://localhost:8000/page/icons/a.svg');
      expect(safeUrl('http://localhost:8000/a.svg', base, origin)).to.equal('http://localhost:8000/a.svg');
      expect(safeUrl('http://cdn.example.com/a.png', base, origin)).to.equal(undefined);
      expect(safeUrl('javascript:alert(1)', base, origin)).to.equal(undefined);
      expect(safeUrl(' JavaScript:alert(1)', base, origin)).to.equal(undefined);
      expect(safeUrl('data:image/svg+xml,<svg/>', base, origin)).to.equal(undefined);
      expect(safeUrl('blob:http://localhost:8000/x', base, origin)).to.equal(undefined);
      expect(safeUrl('//evil.example.com/a.png', 'http://localhost:8000/', origin)).to.equal(undefined);
      expect(safeUrl('', base, origin)).to.equal(undefined);
      expect(safeUrl(undefined, base, origin)).to.equal(undefined);
    });

    it('shows the placeholder for unsafe icon URLs and for an image that fails to load', async () => {
      setUp();
      const icons: Record<string, string> = {
        badge_attendee: 'javascript:alert(1)',
        badge_pollster: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E',
        badge_marathon: 'http://cross-origin.example.com/icon.png',
        badge_networker: '/sandbox/assets/badges/no_such_badge.svg',
      };
      restores.push(intercept('/badge/list', {
        response: (json) => {
          for (const each of json.objects) if (icons[each.id]) each.iconUrl = icons[each.id];
        },
      }));
      const { element } = await loaded(html`<kal-badge-progress virtual-event-id="12345"></kal-badge-progress>`);
      const iconOf = (id: string) => badge(element, id)!.querySelector('[part=icon]')!;
      for (const id of ['badge_attendee', 'badge_pollster', 'badge_marathon']) {
        expect(iconOf(id).querySelector('img'), id).to.equal(null);
        expect(iconOf(id).querySelector('svg.placeholder'), id).not.to.equal(null);
      }
      // The same-origin URL is tried, fails (404), and falls back.
      await until(() => !!iconOf('badge_networker').querySelector('svg.placeholder'), 'the broken image to become the placeholder');
      expect(iconOf('badge_networker').querySelector('img')).to.equal(null);
      expect(iconOf('badge_quiz').querySelector('img')).not.to.equal(null);
      const sources = $$<HTMLImageElement>(element, 'img').map((img) => img.getAttribute('src') ?? '');
      expect(sources.some((src) => /^(javascript|data):|cross-origin/i.test(src))).to.equal(false);
      await expect(element).to.be.accessible();
    });

    it('renders API text as text and ignores progress for unknown rules', async () => {
      setUp();
      restores.push(intercept('/badge/list', {
        response: (json) => {
          json.objects[0].name = '<img src=x onerror="window.__pwned=1">Bold';
          json.objects[0].description = '<script>window.__pwned=1</script>';
        },
      }));
      restores.push(intercept('/userScore/ruleProgress', {
        response: (json) => {
          json.rulesData.push({ id: 'rule_from_elsewhere', progress: 99, completed: true });
        },
      }));
      const { element } = await loaded(html`<kal-badge-progress badge-ids="badge_marathon"></kal-badge-progress>`);
      const marathon = badge(element, 'badge_marathon')!;
      expect(text(marathon.querySelector('[part=name]'))).to.equal('<img src=x onerror="window.__pwned=1">Bold');
      expect(marathon.querySelector('[part=name] img')).to.equal(null);
      expect(marathon.querySelector('[part=description] script')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(bars(marathon).map((bar) => bar.getAttribute('aria-valuenow'))).to.deep.equal(['42', '5']);
      expect(marathon.dataset.state).to.equal('in-progress');
    });
  });

  describe('errors', () => {
    it('shows malformed rows as an invalid-response error, and recovers on retry', async () => {
      const partnerId = setUp();
      await control(partnerId, { malformed: { kind: 'shape', match: 'userScore/ruleProgress' } });
      const reported = oneEvent(document, 'kal-error');
      const element = await fixture<KalBadgeProgress>(html`<kal-badge-progress badge-ids="badge_marathon"></kal-badge-progress>`);
      const { detail } = await reported;
      expect(detail.code).to.equal('invalid-response');
      await until(() => !!$(element, '[role=alert]'));
      expect(stateText($(element, '[role=alert]'))).to.contain('The service sent something unexpected.');
      await expect(element).to.be.accessible();
      const load = oneEvent(element, 'kal-load');
      $<HTMLButtonElement>(element, 'button[part=retry]')!.click();
      await load;
      expect(badge(element, 'badge_marathon')!.dataset.state).to.equal('in-progress');
    });

    it('shows a rejected session (401 twice) clearly, and recovers on retry', async () => {
      const { partnerId, contexts } = configureSandbox({ format: 'v2' });
      await control(partnerId, { fail: { status: 401, count: 2 } });
      const reported = oneEvent(document, 'kal-error');
      const element = await fixture<KalBadgeProgress>(html`<kal-badge-progress virtual-event-id="12345"></kal-badge-progress>`);
      const { detail } = await reported;
      expect(detail.code).to.equal('unauthorized');
      expect(contexts.map((context) => context.reason)).to.include('rejected');
      await until(() => !!$(element, '[role=alert]'));
      expect(stateText($(element, '[role=alert]'))).to.contain('Your session could not be confirmed.');
      const load = oneEvent(element, 'kal-load');
      $<HTMLButtonElement>(element, 'button[part=retry]')!.click();
      expect((await load).detail.count).to.equal(6);
    });

    it('shows a 403 clearly, without a retry that cannot help', async () => {
      const partnerId = setUp();
      await control(partnerId, { fail: { status: 403, count: 1 } });
      const reported = oneEvent(document, 'kal-error');
      const element = await fixture<KalBadgeProgress>(html`<kal-badge-progress virtual-event-id="12345"></kal-badge-progress>`);
      expect((await reported).detail.code).to.equal('forbidden');
      await until(() => !!$(element, '[role=alert]'));
      expect(stateText($(element, '[role=alert]'))).to.contain('You do not have access to this content.');
      expect($(element, 'button[part=retry]')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('shows a server failure after the retries, and recovers on retry', async () => {
      const partnerId = setUp();
      await control(partnerId, { fail: { status: 503, count: 4, match: 'userScore/ruleProgress' } });
      const reported = oneEvent(document, 'kal-error');
      const element = await fixture<KalBadgeProgress>(html`<kal-badge-progress badge-ids="badge_attendee"></kal-badge-progress>`);
      const { detail } = await reported;
      expect(detail).to.include({ code: 'server', retryable: true });
      await until(() => !!$(element, '[role=alert]'));
      expect(stateText($(element, '[role=alert]'))).to.contain('The service is having trouble right now.');
      await expect(element).to.be.accessible();
      const load = oneEvent(element, 'kal-load');
      $<HTMLButtonElement>(element, 'button[part=retry]')!.click();
      await load;
      expect(badge(element, 'badge_attendee')!.dataset.state).to.equal('achieved');
    });

    it('refuses an element with neither badge-ids nor virtual-event-id as a config error, without a retry', async () => {
      const partnerId = setUp();
      const reported = oneEvent(document, 'kal-error');
      const element = await fixture<KalBadgeProgress>(html`<kal-badge-progress></kal-badge-progress>`);
      const { detail } = await reported;
      expect(detail.code).to.equal('config');
      expect(detail.message).to.contain('badge-ids');
      await until(() => !!$(element, '[role=alert]'));
      expect(stateText($(element, '[role=alert]'))).to.equal('This widget is not set up correctly.');
      expect($(element, 'button')).to.equal(null);
      expect(await callsTo(partnerId, 'badge/')).to.have.length(0);
    });

    it('refuses a bad layout or sort as a config error, and recovers when fixed', async () => {
      const partnerId = setUp();
      const reported = oneEvent(document, 'kal-error');
      const element = await fixture<KalBadgeProgress>(
        html`<kal-badge-progress layout="carousel" badge-ids="badge_attendee"></kal-badge-progress>`,
      );
      const { detail } = await reported;
      expect(detail.code).to.equal('config');
      expect(detail.message).to.contain('carousel');
      expect(stateText($(element, '[role=alert]'))).to.equal('This widget is not set up correctly.');
      expect(await callsTo(partnerId, 'badge/')).to.have.length(0);

      const load = oneEvent(element, 'kal-load');
      element.setAttribute('layout', 'list');
      await load;
      expect(shownIds(element)).to.deep.equal(['badge_attendee']);

      const again = oneEvent(element, 'kal-error');
      element.setAttribute('sort', 'random');
      expect((await again).detail.message).to.contain('random');
      await element.updateComplete;
      expect($(element, '[role=alert]')).not.to.equal(null);
      element.setAttribute('sort', 'achieved-first');
      await until(() => shownIds(element).length === 1, 'the badges back once sort is fixed');
      expect($(element, '[role=alert]')).to.equal(null);
    });

    it('stops its requests when removed from the page, and loads again when put back', async () => {
      const partnerId = setUp();
      await control(partnerId, { hang: { count: 1, match: 'badge/list' } });
      const errors: Event[] = [];
      const element = await fixture<KalBadgeProgress>(html`<kal-badge-progress badge-ids="badge_attendee"></kal-badge-progress>`);
      element.addEventListener('kal-error', (event) => errors.push(event));
      const parent = element.parentElement!;
      await until(async () => (await callsTo(partnerId, 'badge/list')).length === 1, 'the request to start');
      element.remove();
      await element.updateComplete;
      const load = oneEvent(element, 'kal-load');
      parent.append(element);
      await load;
      expect(shownIds(element)).to.deep.equal(['badge_attendee']);
      expect(errors).to.have.length(0);
    });
  });
});
