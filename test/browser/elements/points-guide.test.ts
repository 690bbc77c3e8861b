import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/points-guide/define.js';
import type { KalPointsGuide } from '../../../src/components/points-guide/kal-points-guide.js';
import { callsTo, configureSandbox, control, intercept as interceptJson, restoreAfterEach, sandboxPost, sandboxState, until } from '../helpers.js';
import { $, $$, mountFailing, mountLoaded, root, stateText, stateTitle, text } from '../dom.js';

const VIEWER = 'viewer@example.com';
const restores = restoreAfterEach();

/** A fresh partner, configured; returns its id. */
const setUp = (format: 'v1' | 'v2' = 'v2'): number => configureSandbox({ format }).partnerId;

/** interceptJson, restored after each test. */
const intercept = (match: string, options: Parameters<typeof interceptJson>[1]) => restores.push(interceptJson(match, options));

/** Mounts the element and waits for `kal-load`. */
const loaded = (template: ReturnType<typeof html>) => mountLoaded<KalPointsGuide>(template, 'kal-points-guide');

const ways = (element: Element) => $$(element, '[part~=rule]');
const names = (element: Element) => ways(element).map((way) => text(way.querySelector('[part=name]')));
const way = (element: Element, name: string) => ways(element).find((each) => text(each.querySelector('[part=name]')) === name)!;
const partText = (node: Element, name: string) => text(node.querySelector(`[part~=${name}]`));
const bar = (node: Element) => node.querySelector<HTMLElement>('[role=progressbar]');
const count = (value: number) => new Intl.NumberFormat('en').format(value);

/** Records the viewer's points per rule id from each `userScore/ruleProgress` answer. */
function earnedPoints(): Map<string, number> {
  const earned = new Map<string, number>();
  intercept('/userScore/ruleProgress', { response: (json) => json.rulesData.forEach((rule: { id: string; points: number }) => earned.set(rule.id, rule.points)) });
  return earned;
}

/** A rule as `rule/list` gives it (guide 6.1), numbers as text. */
const rule = (fields: Record<string, unknown>) => ({
  gameObjectType: 'leaderboard', gameObjectId: 'lb_conference', type: 'count', mode: 'distribute_points', metric: 'comment',
  groupBy: 'kuserId', goal: '1', points: '5', maxPoints: '50', status: 'enabled', ...fields,
});

describe('<kal-points-guide>', () => {
  describe('data', () => {
    it("shows loading, then each rule as a way to earn points with the viewer's progress, open ones first", async () => {
      const partnerId = setUp();
      await control(partnerId, { latencyMs: 200 });
      const earned = earnedPoints();
      const load = oneEvent(document, 'kal-load');
      const element = await fixture<KalPointsGuide>(html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`);
      expect(text($(element, '[part=loading]'))).to.equal('Loading…');
      expect((await load).detail.count).to.equal(3);
      await element.updateComplete;

      expect(text($(element, '[part=title]'))).to.equal('How to earn points');
      expect(text($(element, '[part=summary]'))).to.equal('3 ways to earn points · 1 done');
      // Open ways by points per action (25, 10), then the one used up.
      expect(names(element)).to.deep.equal(['Answer polls', 'Watch sessions', 'Chat messages']);
      expect(ways(element).map((each) => each.dataset.state)).to.deep.equal(['open', 'open', 'done']);
      const list = $(element, '[part=list]')!;
      expect(list.localName).to.equal('ul');
      expect(list.getAttribute('aria-labelledby')).to.equal($(element, '[part=title]')!.id);

      const polls = way(element, 'Answer polls');
      expect(partText(polls, 'points')).to.equal('+25 points');
      expect(partText(polls, 'description')).to.equal('Answer the live polls during sessions');
      expect(partText(polls, 'cap')).to.equal('No limit');
      expect(partText(polls, 'progress')).to.equal(`${count(earned.get('rule_conference_polls')!)} points earned so far`);
      expect(bar(polls)).to.equal(null);

      // Guide 15.1: "max 100 per session" (groupBy kuserId,entryId): a cap per video never runs out.
      const watch = way(element, 'Watch sessions');
      expect(partText(watch, 'points')).to.equal('+10 points');
      expect(partText(watch, 'cap')).to.equal('Up to 100 points per video');
      expect(partText(watch, 'progress')).to.equal(`${count(earned.get('rule_conference_watch')!)} points earned so far`);
      expect(bar(watch)).to.equal(null);

      const chat = way(element, 'Chat messages');
      expect(partText(chat, 'points')).to.equal('+5 points');
      expect(partText(chat, 'cap')).to.equal('Up to 50 points');
      expect(partText(chat, 'status')).to.equal('Done');
      expect(partText(chat, 'progress')).to.equal('Done 50 of 50 points earned');
      const chatBar = bar(chat)!;
      expect(chatBar.getAttribute('aria-valuemin')).to.equal('0');
      expect(chatBar.getAttribute('aria-valuemax')).to.equal('50');
      expect(chatBar.getAttribute('aria-valuenow')).to.equal('50');
      expect(chatBar.getAttribute('aria-valuetext')).to.equal('50 of 50 points earned');
      expect(root(element).getElementById(chatBar.getAttribute('aria-labelledby')!)!.textContent).to.equal('Chat messages');
      expect(chatBar.querySelector<HTMLElement>('[part=bar-fill]')!.style.getPropertyValue('--_fill')).to.equal('1');
      await expect(element).to.be.accessible();
    });

    it('asks for the user of a readable KS, and lets the service answer for an encrypted one', async () => {
      const asked: unknown[] = [];
      intercept('/userScore/ruleProgress', { request: (body) => asked.push(body.userId) });
      setUp('v1');
      const { element } = await loaded(html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`);
      element.remove();
      setUp('v2');
      await loaded(html`<kal-points-guide leaderboard-id="lb_huge"></kal-points-guide>`);
      expect(asked).to.deep.equal([VIEWER, undefined]);
    });

    it('shows a rule partly done as text and as a bar of its share', async () => {
      setUp();
      intercept('/userScore/ruleProgress', {
        response: (json) => (json.rulesData.find((each: { id: string }) => each.id === 'rule_conference_chat').points = 15),
      });
      const { element } = await loaded(html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`);
      expect(text($(element, '[part=summary]'))).to.equal('3 ways to earn points');
      const chat = way(element, 'Chat messages');
      expect(chat.dataset.state).to.equal('open');
      expect(chat.querySelector('[part=status]')).to.equal(null);
      expect(partText(chat, 'progress')).to.equal('15 of 50 points earned');
      expect(bar(chat)!.getAttribute('aria-valuenow')).to.equal('15');
      expect(bar(chat)!.querySelector<HTMLElement>('[part=bar-fill]')!.style.getPropertyValue('--_fill')).to.equal('0.3');
    });

    it('reads rules leniently: disabled and pointless rules left out, dynamic points, other caps, unnamed rules, progress without points', async () => {
      setUp();
      intercept('/rule/list', {
        response: (json) => {
          json.objects = [
            rule({ id: 'r_disabled', name: 'Old rule', status: 'disabled' }),
            rule({ id: 'r_track', name: 'Tracked only', mode: 'dont_distribute_points' }),
            rule({ id: 'r_external', name: 'Booth scans', type: 'external', metric: 'score', points: 'score', maxPoints: 'unlimited' }),
            rule({ id: 'r_dynamic_cap', name: 'Quiz', points: 20, maxPoints: 'score' }),
            rule({ id: 'r_per_poll', name: 'Polls', groupBy: 'kuserId, pollId', points: '2', maxPoints: '1' }),
            rule({ id: 'r_unnamed', name: null, description: null, points: '1000', maxPoints: 'UNLIMITED' }),
            rule({ id: 'r_progress', name: 'Watch', type: 'sum', metric: 'playTime', goal: '60', points: '10', maxPoints: '100' }),
          ];
        },
      });
      intercept('/userScore/ruleProgress', {
        response: (json) => {
          json.rulesData = [
            { id: 'r_external', points: 40 },
            { ruleId: 'r_dynamic_cap', points: '60' },
            { id: 'r_per_poll', points: 3 },
            { id: 'r_unnamed', points: 2000 },
            // No points: what 150 seconds of a 60-second goal paid (2 × 10).
            { id: 'r_progress', progress: '150', completed: true },
            { id: 'r_elsewhere', points: 999 },
          ];
        },
      });
      const { element, count: shown } = await loaded(html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`);
      expect(shown).to.equal(5);
      // Fixed points first, most first; varying points last.
      expect(names(element)).to.deep.equal(['Activity 4', 'Quiz', 'Watch', 'Polls', 'Booth scans']);
      const external = way(element, 'Booth scans');
      expect(partText(external, 'points')).to.equal('Points vary');
      expect(partText(external, 'cap')).to.equal('No limit');
      expect(partText(external, 'progress')).to.equal('40 points earned so far');
      const quiz = way(element, 'Quiz');
      expect(quiz.querySelector('[part=cap]'), 'a dynamic cap is not shown').to.equal(null);
      expect(partText(quiz, 'progress')).to.equal('60 points earned so far');
      expect(partText(way(element, 'Polls'), 'cap')).to.equal('Up to 1 point per item');
      expect(partText(way(element, 'Polls'), 'points')).to.equal('+2 points');
      const unnamed = way(element, 'Activity 4');
      expect(partText(unnamed, 'points')).to.equal('+1,000 points');
      expect(partText(unnamed, 'progress')).to.equal('2,000 points earned so far');
      expect(unnamed.querySelector('[part=description]')).to.equal(null);
      expect(partText(way(element, 'Watch'), 'progress')).to.equal('20 of 100 points earned');
      await expect(element).to.be.accessible();
    });

    it('shows a friendly empty state for a leaderboard without rules', async () => {
      setUp();
      const { element, count: shown } = await loaded(html`<kal-points-guide leaderboard-id="lb_empty"></kal-points-guide>`);
      expect(shown).to.equal(0);
      expect(stateText($(element, '[part=empty]'))).to.equal('There are no ways to earn points here yet.');
      expect($(element, '[part=summary]')).to.equal(null);
      expect($(element, '[part=list]')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('renders in the dark theme without accessibility violations', async () => {
      setUp();
      const { element } = await loaded(html`<kal-points-guide theme="dark" leaderboard-id="lb_conference"></kal-points-guide>`);
      expect(getComputedStyle(element).colorScheme).to.equal('dark');
      await expect(element).to.be.accessible();
    });

    it('renders right-to-left in Hebrew without accessibility violations, bars filling from the right', async () => {
      setUp();
      const { element } = await loaded(html`<div lang="he" dir="rtl"><kal-points-guide leaderboard-id="lb_conference"></kal-points-guide></div>`);
      expect($(element, '[part=base]')!.getAttribute('dir')).to.equal('rtl');
      await until(() => text($(element, '[part=title]')) !== 'How to earn points', 'the Hebrew catalogue');
      const done = $(element, '[part~=rule][data-state=done]')!;
      // Intl writes the sign with a left-to-right mark, so "+5" cannot turn into "5+".
      expect(partText(done, 'points')).to.equal('\u200e+5 נקודות');
      const track = bar(done)!;
      const fillBox = track.querySelector('[part=bar-fill]')!.getBoundingClientRect();
      expect(Math.round(fillBox.right)).to.equal(Math.round(track.getBoundingClientRect().right));
      await expect(element).to.be.accessible();
    });
  });

  describe('live', () => {
    it("moves the viewer's progress on a refresh, keeping the list on screen and firing no second kal-load", async () => {
      const partnerId = setUp();
      const earned = earnedPoints();
      const { element } = await loaded(html`<kal-points-guide live leaderboard-id="lb_conference"></kal-points-guide>`);
      const before = earned.get('rule_conference_watch')!;
      const loads: Event[] = [];
      element.addEventListener('kal-load', (event) => loads.push(event));
      // The viewer takes part: on the first tick they climb about three ranks.
      await sandboxPost('tick', { partnerId });
      const refreshing = element.refresh();
      await element.updateComplete;
      expect($(element, '[part=loading]')).to.equal(null);
      expect(ways(element)).to.have.length(3);
      await refreshing;
      expect(earned.get('rule_conference_watch')).to.be.above(before);
      expect(partText(way(element, 'Watch sessions'), 'progress')).to.equal(`${count(earned.get('rule_conference_watch')!)} points earned so far`);
      expect(loads).to.have.length(0);
    });

    it('marks a rule used up while the page is open as done, and says so once', async () => {
      setUp();
      let chat = 45;
      intercept('/userScore/ruleProgress', {
        response: (json) => (json.rulesData.find((each: { id: string }) => each.id === 'rule_conference_chat').points = chat),
      });
      const { element } = await loaded(html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`);
      expect(way(element, 'Chat messages').dataset.state).to.equal('open');
      const announcer = $(element, '.announcer')!;
      expect(announcer.getAttribute('aria-live')).to.equal('polite');
      expect(text(announcer)).to.equal('');
      chat = 50;
      await element.refresh();
      expect(way(element, 'Chat messages').dataset.state).to.equal('done');
      expect(names(element).at(-1)).to.equal('Chat messages');
      expect(text($(element, '[part=summary]'))).to.equal('3 ways to earn points · 1 done');
      expect(text(announcer)).to.equal('All points earned: Chat messages');
      await expect(element).to.be.accessible();
    });

    it('refreshes on its own when live (the interval is raised to at least 5 seconds)', async () => {
      const partnerId = setUp();
      await loaded(html`<kal-points-guide live refresh-interval="1" leaderboard-id="lb_conference"></kal-points-guide>`);
      expect(await callsTo(partnerId, 'userScore/ruleProgress')).to.have.length(1);
      await until(async () => (await callsTo(partnerId, 'userScore/ruleProgress')).length >= 2, 'a live refresh', 15_000);
    });

    it('keeps the last progress with a note when a refresh fails, reports once, and recovers from the keyboard', async () => {
      const partnerId = setUp();
      const { element } = await loaded(html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`);
      const errors: CustomEvent[] = [];
      element.addEventListener('kal-error', (event) => errors.push(event));
      await control(partnerId, { fail: { status: 503, count: 8, match: 'userScore/ruleProgress' } });
      await element.refresh();
      await element.refresh();
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail).to.include({ code: 'server', retryable: true });
      expect(ways(element)).to.have.length(3);
      expect(text($(element, '[part=note]'))).to.contain('Progress could not be updated just now.');
      expect($(element, '[role=alert]')).to.equal(null);
      await expect(element).to.be.accessible();

      $<HTMLButtonElement>(element, '[part=note] button')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !$(element, '[part=note]'), 'the note to go after a good refresh');
      expect(ways(element)).to.have.length(3);
    });
  });

  describe('hostile data', () => {
    it('renders rule names and descriptions with markup as inert text', async () => {
      setUp();
      const pwned = window as unknown as { __pwned?: number };
      intercept('/rule/list', {
        response: (json) => {
          json.objects[0].name = '<img src=x onerror="window.__pwned=1">Watch';
          json.objects[1].description = '<script>window.__pwned=1</script><b>bold</b>';
        },
      });
      const { element } = await loaded(html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`);
      expect(names(element)).to.include('<img src=x onerror="window.__pwned=1">Watch');
      expect(partText(way(element, 'Answer polls'), 'description')).to.equal('<script>window.__pwned=1</script><b>bold</b>');
      expect($$(element, 'img, script, b')).to.have.length(0);
      expect(pwned.__pwned).to.equal(undefined);
    });
  });

  describe('errors and keyboard', () => {
    it('names a leaderboard that does not exist, without a retry', async () => {
      setUp();
      const { element, detail } = await mountFailing(html`<kal-points-guide leaderboard-id="lb_missing"></kal-points-guide>`);
      expect(detail).to.include({ code: 'not-found', retryable: false });
      const shown = $(element, '[role=alert]')!;
      expect(stateTitle(shown)).to.equal('Not found');
      expect(stateText(shown)).to.equal('There is no leaderboard “\u2068lb_missing\u2069”. Check the leaderboard-id.');
      expect($(element, '[part=retry]')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('refuses a missing leaderboard-id or a bad refresh-interval as a config error, asking nothing, and recovers when fixed', async () => {
      const { partnerId, contexts } = configureSandbox();
      const { element, detail } = await mountFailing<KalPointsGuide>(html`<kal-points-guide refresh-interval="soon"></kal-points-guide>`);
      expect(detail).to.include({ code: 'config', retryable: false });
      expect(detail.message).to.contain('leaderboard-id');
      expect(stateText($(element, '[role=alert]'))).to.equal('This widget is not set up correctly.');
      expect($(element, 'button')).to.equal(null);

      const again = oneEvent(element, 'kal-error');
      element.setAttribute('leaderboard-id', 'lb_conference');
      expect((await again).detail.message).to.contain('refresh-interval must be a positive number of seconds (got "soon")');
      // Refused before anything was asked of the host or the service.
      expect(contexts).to.have.length(0);
      expect((await sandboxState(partnerId)).calls).to.have.length(0);

      const load = oneEvent(element, 'kal-load');
      element.setAttribute('refresh-interval', '10');
      await load;
      expect(ways(element)).to.have.length(3);
    });

    it('shows malformed answers as an invalid-response error, and retries from the keyboard', async () => {
      const partnerId = setUp();
      await control(partnerId, { malformed: { kind: 'shape', match: 'rule/list' } });
      const { element, detail } = await mountFailing(html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`);
      expect(detail.code).to.equal('invalid-response');
      expect(stateText($(element, '[role=alert]'))).to.contain('The service sent something unexpected.');
      await expect(element).to.be.accessible();

      // From the page before it, Tab reaches the retry button; Enter loads again.
      const before = document.createElement('button');
      before.textContent = 'before';
      element.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(root(element).activeElement).to.equal($(element, '[part=retry]'));
      const load = oneEvent(element, 'kal-load');
      await sendKeys({ press: 'Enter' });
      await load;
      expect(ways(element)).to.have.length(3);
      before.remove();
    });

    it('holds no focus stop of its own: Tab goes past the list', async () => {
      setUp();
      const container = await fixture<HTMLElement>(html`<div>
        <button type="button">before</button><kal-points-guide leaderboard-id="lb_conference"></kal-points-guide><button type="button">after</button>
      </div>`);
      const element = container.querySelector<KalPointsGuide>('kal-points-guide')!;
      await until(() => ways(element).length === 3, 'the ways');
      container.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(container.querySelectorAll('button')[1]);
    });

    it('shows a refusal (403) without a retry that cannot help', async () => {
      const partnerId = setUp();
      await control(partnerId, { fail: { status: 403, count: 1, match: 'userScore/ruleProgress' } });
      const { element, detail } = await mountFailing(html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`);
      expect(detail.code).to.equal('forbidden');
      expect(stateText($(element, '[role=alert]'))).to.equal('You do not have access to this content.');
      expect($(element, '[part=retry]')).to.equal(null);
    });
  });
});
