// <kal-leaderboard> in each of its states (sheet.ts says how the pictures are made).
import { html } from 'lit';
import { FAILING, SLOW, describeSheets } from './sheet.js';

describeSheets('kal-leaderboard', 'leaderboard', [
  {
    name: 'loading',
    switches: SLOW,
    template: (partnerId, getKs) => html`<kal-leaderboard leaderboard-id="lb_conference" partner-id=${partnerId} .getKs=${getKs}></kal-leaderboard>`,
    ready: '[part~=loading]',
  },
  {
    name: 'empty',
    template: (partnerId, getKs) => html`<kal-leaderboard leaderboard-id="lb_empty" partner-id=${partnerId} .getKs=${getKs}></kal-leaderboard>`,
    ready: 'kal-load',
  },
  {
    name: 'data',
    template: (partnerId, getKs) => html`<kal-leaderboard leaderboard-id="lb_conference" partner-id=${partnerId} .getKs=${getKs}></kal-leaderboard>`,
    ready: 'kal-load',
  },
  {
    name: 'error',
    switches: FAILING,
    template: (partnerId, getKs) => html`<kal-leaderboard leaderboard-id="lb_conference" partner-id=${partnerId} .getKs=${getKs}></kal-leaderboard>`,
    ready: '[role=alert]',
  },
  {
    name: 'config',
    template: (partnerId, getKs) => html`<kal-leaderboard leaderboard-id="lb_conference" page-size="0" partner-id=${partnerId} .getKs=${getKs}></kal-leaderboard>`,
    ready: '[role=alert]',
  },
]);
