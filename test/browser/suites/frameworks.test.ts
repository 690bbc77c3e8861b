// The elements as React 19, React (via the @lit/react wrappers) and Vue 3 apps use them:
// data arrives, the kit's events reach the framework's handlers, and prop changes re-fetch.
import { expect } from '@open-wc/testing';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { type Root, createRoot } from 'react-dom/client';
import { createApp, h, nextTick, ref } from 'vue';
import { configure, currentConfig } from '../../../src/config.js';
import { components } from '../../../src/react/index.js';
import '../../../src/index.js';
import type { KalCertificateProgress } from '../../../src/components/certificate-progress/kal-certificate-progress.js';
import { callsTo, configureSandbox, control, countingGetKs, sandboxPost, until, withoutNames } from '../helpers.js';

// What `import { Leaderboard, … } from 'kaltura-widgets/react'` gives (the package names each component).
const { BadgeProgress, CertificateProgress, Leaderboard, PointsGuide, PrefGroup, UnsubscribePrefs } = components;

const saved = { ...currentConfig() };
let host: HTMLDivElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
const restores: Array<() => void> = [];
afterEach(() => {
  while (restores.length) restores.pop()!();
  host.remove();
  configure({ ...saved, getKs: saved.getKs, tokenEndpoint: saved.tokenEndpoint });
});

const setUp = (): number => configureSandbox().partnerId;

const inside = (tag: string, selector: string) => [...(host.querySelector(tag)?.shadowRoot?.querySelectorAll(selector) ?? [])];
const shows = (tag: string, selector: string, count = 1) => until(() => inside(tag, selector).length >= count, `${tag} to show ${selector}`);

describe('React 19 (custom elements natively)', () => {
  let root: Root;
  afterEach(() => root.unmount());

  it('mounts every element with data, events and property updates', async () => {
    const partnerId = setUp();
    const loads: string[] = [];
    const onLoad = (event: Event) => loads.push((event.target as Element).localName);
    const { getKs, contexts } = countingGetKs(partnerId);
    root = createRoot(host);
    const render = (pageSize: number) =>
      flushSync(() =>
        root.render(
          createElement('div', null, [
            createElement('kal-leaderboard', { key: 'lb', 'leaderboard-id': 'lb_conference', 'page-size': pageSize, 'onkal-load': onLoad, getKs }),
            createElement('kal-badge-progress', { key: 'b', 'virtual-event-id': '12345', 'onkal-load': onLoad }),
            createElement('kal-unsubscribe-prefs', { key: 'p', 'onkal-load': onLoad }, [
              createElement('kal-pref-group', { key: 'g', 'group-id': 'event-updates', label: 'Event updates' }),
            ]),
            createElement('kal-room-embed', { key: 'r', 'kaf-host': 'rooms.example.com', 'entry-id': '1_sandboxroom' }),
          ]),
        ),
      );
    render(5);
    await until(() => ['kal-leaderboard', 'kal-badge-progress', 'kal-unsubscribe-prefs'].every((tag) => loads.includes(tag)), 'three kal-load events');
    // Ranks 1 and 4 are hidden speakers (participation policy): a page of n shows n - 2 rows from n = 4 on.
    await shows('kal-leaderboard', 'tbody tr', 3);
    await shows('kal-badge-progress', '[part~=badge]');
    await shows('kal-unsubscribe-prefs', '[role=switch]');
    await shows('kal-room-embed', '[part~=join]');
    expect(contexts.length).to.be.greaterThan(0);
    render(8);
    await until(() => inside('kal-leaderboard', 'tbody tr').length === 6, 'six rows (of eight) after the prop change');
  });
});

describe('React wrappers (@lit/react)', () => {
  let root: Root;
  afterEach(() => root.unmount());

  it('passes props as properties and events as on… callbacks', async () => {
    const partnerId = setUp();
    // Rows without names (the demo's proxy names them), so resolveUsers is asked.
    restores.push(withoutNames());
    const loaded: number[] = [];
    root = createRoot(host);
    const render = (pageSize: number) =>
      flushSync(() =>
        root.render(
          createElement('div', null, [
            createElement(Leaderboard, {
              key: 'lb',
              leaderboardId: 'lb_conference',
              pageSize,
              onKalLoad: (event: CustomEvent<{ count?: number }>) => loaded.push(event.detail.count ?? -1),
              resolveUsers: async (ids: string[]) => Object.fromEntries(ids.map((id) => [id, { name: `Person ${id.length}` }])),
            }),
            createElement(BadgeProgress, { key: 'b', virtualEventId: '12345', layout: 'list' }),
            createElement(UnsubscribePrefs, { key: 'p' }, createElement(PrefGroup, { groupId: 'weekly-digest', label: 'Weekly digest' })),
            createElement(PointsGuide, { key: 'g', leaderboardId: 'lb_conference' }),
          ]),
        ),
      );
    render(3);
    await until(() => loaded.includes(2), 'kal-load with two rows (of three)');
    await until(() => inside('kal-leaderboard', '[part~=name]').some((cell) => cell.textContent?.includes('Person')), 'resolved names');
    await shows('kal-badge-progress', '[part~=badge]');
    await shows('kal-unsubscribe-prefs', '[role=switch]');
    await shows('kal-points-guide', '[part~=rule]', 3);
    render(6);
    await until(() => loaded.includes(4), 'kal-load with four rows (of six) after the prop change');
    expect(await callsTo(partnerId, 'userScore/list')).to.have.length(2);
  });
});

describe('React wrappers (@lit/react): <CertificateProgress>', () => {
  let root: Root;
  afterEach(() => root.unmount());

  it('passes certificateId as a property and kal-certified to onKalCertified', async () => {
    const partnerId = setUp();
    // Straight from the sandbox (lenient): the report is read afresh on each refresh.
    await control(partnerId, { lenientGameUserKs: true });
    const certified: Array<{ certificateId: string }> = [];
    let element: KalCertificateProgress | null = null;
    root = createRoot(host);
    flushSync(() =>
      root.render(
        createElement(CertificateProgress, {
          certificateId: 'cert_course',
          gameUrl: '/sandbox/scm/api/v1',
          ref: (node: KalCertificateProgress | null) => void (element = node),
          onKalCertified: (event: CustomEvent<{ certificateId: string }>) => certified.push(event.detail),
        }),
      ),
    );
    await shows('kal-certificate-progress', '[role=progressbar]');
    await sandboxPost('progress', { partnerId, userId: 'viewer@example.com', certificateId: 'cert_course', credits: 3 });
    await element!.refresh();
    await until(() => certified.length === 1, 'onKalCertified');
    expect(certified[0]!.certificateId).to.equal('cert_course');
  });
});

describe('Vue 3', () => {
  it('mounts every element with data, events and prop updates', async () => {
    setUp();
    const loads: string[] = [];
    const pageSize = ref(4);
    const app = createApp({
      render: () =>
        h('div', [
          h('kal-leaderboard', { 'leaderboard-id': 'lb_conference', 'page-size': pageSize.value, onKalLoad: (event: Event) => loads.push((event.target as Element).localName) }),
          h('kal-badge-progress', { 'virtual-event-id': '12345', layout: 'compact', onKalLoad: (event: Event) => loads.push((event.target as Element).localName) }),
          h('kal-unsubscribe-prefs', { onKalLoad: (event: Event) => loads.push((event.target as Element).localName) }, [
            h('kal-pref-group', { 'group-id': 'session-reminders', label: 'Session reminders' }),
          ]),
          h('kal-room-embed', { 'kaf-host': 'rooms.example.com', 'entry-id': '1_sandboxroom' }),
        ]),
    });
    app.mount(host);
    try {
      await until(() => ['kal-leaderboard', 'kal-badge-progress', 'kal-unsubscribe-prefs'].every((tag) => loads.includes(tag)), 'three kal-load events');
      await shows('kal-leaderboard', 'tbody tr', 2);
      await shows('kal-badge-progress', '[part~=badge]');
      await shows('kal-room-embed', '[part~=join]');
      pageSize.value = 7;
      await nextTick();
      await until(() => inside('kal-leaderboard', 'tbody tr').length === 5, 'five rows (of seven) after the prop change');
    } finally {
      app.unmount();
    }
  });
});
