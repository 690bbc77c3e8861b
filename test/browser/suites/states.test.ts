// The finished look every element shares (issue 17): skeletons while loading, states with an icon, a
// title and a sentence, one outer box and font stack, and the leaderboard and badges at phone width.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/index.js';
import { configureSandbox, control, restoreAfterEach, sandboxPost, until, withoutNames } from '../helpers.js';
import { $, $$, mountFailing, mountLoaded, stateText, stateTitle, text } from '../dom.js';

const restores = restoreAfterEach();
afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

const PREFS = html`<kal-unsubscribe-prefs><kal-pref-group group-id="event-updates" label="Event updates"></kal-pref-group></kal-unsubscribe-prefs>`;

/** Each element with a template that loads data, and what its skeleton looks like. */
const ELEMENTS = [
  { tag: 'kal-leaderboard', template: html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`, shape: 'rows', items: 5 },
  { tag: 'kal-badge-progress', template: html`<kal-badge-progress virtual-event-id="12345"></kal-badge-progress>`, shape: 'cards', items: 3 },
  { tag: 'kal-event-agenda', template: html`<kal-event-agenda event-id="7001"></kal-event-agenda>`, shape: 'rows', items: 5 },
  { tag: 'kal-unsubscribe-prefs', template: PREFS, shape: 'toggles', items: 3 },
  { tag: 'kal-certificate-progress', template: html`<kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>`, shape: 'rows', items: 5 },
  { tag: 'kal-points-guide', template: html`<kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>`, shape: 'rows', items: 5 },
] as const;

describe('designed states', () => {
  for (const { tag, template, shape, items } of ELEMENTS) {
    it(`<${tag}> loads behind a skeleton shaped like its data, still under reduced motion, announced once`, async () => {
      const { partnerId } = configureSandbox();
      await control(partnerId, { latencyMs: 60_000 });
      await emulateMedia({ reducedMotion: 'reduce' });
      const mounted = await fixture<HTMLElement>(template);
      const element = (mounted.localName === tag ? mounted : mounted.querySelector(tag))!;
      await until(() => !!$(element, '[part=loading]'), 'the loading state');
      const loading = $(element, '[part=loading]')!;
      expect(loading.getAttribute('role')).to.equal('status');
      expect(loading.classList.contains(`skeleton--${shape}`)).to.equal(true);
      expect(text(loading)).to.equal('Loading…');
      const bones = $$(element, '.bone-item');
      expect(bones).to.have.length(items);
      expect(bones.every((bone) => bone.getAttribute('aria-hidden') === 'true')).to.equal(true);
      expect(bones[0]!.getBoundingClientRect().height, 'the skeleton is drawn').to.be.above(8);
      expect(getComputedStyle(bones[0]!.querySelector('.bone')!).animationName, 'still under reduced motion').to.equal('none');
      await expect(element).to.be.accessible();
    });
  }

  it('an error a retry can fix: icon, "Something went wrong", the reason, and Try again that works', async () => {
    const { partnerId } = configureSandbox();
    // Every read fails until the service recovers; the person's "Try again" then brings the rows.
    await control(partnerId, { fail: { status: 500, count: -1, match: 'leaderboard/get' } });
    const { element, detail } = await mountFailing(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    expect(detail.code).to.equal('server');
    const state = $(element, '[role=alert]')!;
    expect(state.querySelector('svg.state-icon')?.getAttribute('aria-hidden')).to.equal('true');
    expect(stateTitle(state)).to.equal('Something went wrong');
    expect(stateText(state)).to.equal('The service is having trouble right now. Please try again.');
    await expect(element).to.be.accessible();
    await sandboxPost('reset', { partnerId });
    $(element, '[part~=retry]')!.click();
    await until(() => $$(element, 'tbody tr').length > 0, 'the rows after Try again');
  });

  it('a dropped connection says "No connection", with Try again', async () => {
    const { partnerId } = configureSandbox();
    await control(partnerId, { fail: { status: 0, count: -1, match: 'leaderboard/get' } });
    const { element } = await mountFailing(html`<kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>`);
    expect(stateTitle($(element, '[role=alert]'))).to.equal('No connection');
    expect($(element, '[part~=retry]'), 'a retry can help').not.to.equal(null);
  });

  it('an empty board says "Nothing here yet" and why, without an alert', async () => {
    configureSandbox();
    const { element: empty } = await mountLoaded(html`<kal-leaderboard leaderboard-id="lb_empty"></kal-leaderboard>`, 'kal-leaderboard');
    const state = $(empty, '[part=empty]')!;
    expect(state.getAttribute('role')).to.equal(null);
    expect(stateTitle(state)).to.equal('Nothing here yet');
    expect(stateText(state)).to.equal('No scores yet. Take part and your points will show up here!');
    expect($(empty, '[role=alert]')).to.equal(null);
  });

  it('every element has the same outer box and the system font stack, and follows the page font when asked', async () => {
    configureSandbox();
    const page = await fixture<HTMLElement>(html`<div>
      <kal-leaderboard leaderboard-id="lb_conference"></kal-leaderboard>
      <kal-badge-progress virtual-event-id="12345"></kal-badge-progress>
      <kal-room-embed entry-id="1_sandboxroom" kaf-host="sandbox.kaf.example.com"></kal-room-embed>
      <kal-event-agenda event-id="7001"></kal-event-agenda>
      ${PREFS}
      <kal-certificate-progress certificate-id="cert_course"></kal-certificate-progress>
      <kal-points-guide leaderboard-id="lb_conference"></kal-points-guide>
    </div>`);
    const boxes = [...page.children].map((element) => {
      const style = getComputedStyle(element);
      return [style.paddingInlineStart, style.paddingBlockStart, style.borderTopWidth, style.borderTopLeftRadius, style.fontFamily.split(',')[0]];
    });
    expect(new Set(boxes.map((box) => JSON.stringify(box))).size, JSON.stringify(boxes)).to.equal(1);
    expect(boxes[0]).to.deep.equal(['16px', '16px', '1px', '8px', 'system-ui']);

    // A font of the host's: through the token, or on the element itself (page styles win over the kit's).
    const themed = await fixture<HTMLElement>(html`<div style="--kal-font-family: Georgia, serif">${PREFS}</div>`);
    expect(getComputedStyle(themed.firstElementChild!).fontFamily).to.equal('Georgia, serif');
    const inherited = await fixture<HTMLElement>(html`<div style="font-family: Georgia, serif">
      <style>.follows-page { font-family: inherit; }</style>
      <kal-unsubscribe-prefs class="follows-page"><kal-pref-group group-id="event-updates" label="Event updates"></kal-pref-group></kal-unsubscribe-prefs>
    </div>`);
    expect(getComputedStyle(inherited.querySelector('kal-unsubscribe-prefs')!).fontFamily).to.equal('Georgia, serif');
  });
});

describe('at phone width', () => {
  it('the leaderboard keeps its tabs on one scrolling line and long names on one line ending in "…"', async () => {
    configureSandbox();
    restores.push(withoutNames());
    const long = 'Maximiliana Alexandrovna Konstantinopolskaya-Wolfeschlegelsteinhausen';
    const resolveUsers = async (ids: string[]) => Object.fromEntries(ids.map((id, index) => [id, { name: index === 0 ? long : `User ${index}` }]));
    const { element } = await mountLoaded(
      html`<div style="inline-size: 300px"><kal-leaderboard leaderboard-id="lb_conference" .resolveUsers=${resolveUsers}></kal-leaderboard></div>`,
      'kal-leaderboard',
    );
    const tabs = $$(element, '[role=tab]');
    expect(tabs.length).to.be.at.least(3);
    expect(new Set(tabs.map((tab) => Math.round(tab.getBoundingClientRect().top))).size, 'one line of tabs').to.equal(1);
    const strip = $(element, '[part~=tabs]')!;
    expect(getComputedStyle(strip).overflowX).to.equal('auto');

    const label = $$(element, '.label').find((each) => each.title === long)!;
    expect(label, 'the long name, with its full text as the title').to.exist;
    expect(label.textContent).to.equal(long);
    expect(label.scrollWidth, 'cut visually').to.be.above(label.clientWidth);
    expect(getComputedStyle(label).textOverflow).to.equal('ellipsis');
    const heights = $$(element, 'tbody tr').map((row) => Math.round(row.getBoundingClientRect().height));
    expect(new Set(heights).size, `rows of one height: ${heights}`).to.equal(1);
  });

  it('the agenda puts each session\'s time above it, and the name wraps inside', async () => {
    configureSandbox();
    const { element } = await mountLoaded(html`<div style="inline-size: 300px"><kal-event-agenda event-id="7001"></kal-event-agenda></div>`, 'kal-event-agenda');
    const first = $(element, '[part~=session]')!;
    const when = first.querySelector('.when')!.getBoundingClientRect();
    const body = first.querySelector('.body')!.getBoundingClientRect();
    expect(Math.round(body.top), 'the session below its time').to.be.at.least(Math.round(when.bottom));
    expect(element.scrollWidth, 'nothing wider than the element').to.be.at.most(element.clientWidth + 1);

    // With room, the time sits beside the session.
    (element.parentElement as HTMLElement).style.inlineSize = '720px';
    const wide = first.querySelector('.body')!.getBoundingClientRect();
    expect(Math.round(wide.top)).to.equal(Math.round(first.querySelector('.when')!.getBoundingClientRect().top));
  });

  it('badge progress reads "42 / 60" from left to right in a right-to-left language', async () => {
    configureSandbox();
    const { element } = await mountLoaded(
      html`<div lang="he" dir="rtl"><kal-badge-progress badge-ids="badge_marathon"></kal-badge-progress></div>`,
      'kal-badge-progress',
    );
    const count = $$(element, '.rule-count').find((each) => /42/.test(each.textContent ?? ''))!;
    const node = count.firstChild!.nodeType === Node.TEXT_NODE ? count.firstChild! : count.childNodes[1]!;
    const value = node.textContent!;
    const rectOf = (part: string) => {
      const range = document.createRange();
      const start = value.indexOf(part);
      range.setStart(node, start);
      range.setEnd(node, start + part.length);
      return range.getBoundingClientRect();
    };
    expect(rectOf('42').left, `"${value}"`).to.be.below(rectOf('60').left);
  });
});
