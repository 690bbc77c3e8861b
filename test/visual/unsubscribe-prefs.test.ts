// <kal-unsubscribe-prefs> in each of its states (sheet.ts says how the pictures are made). It has no empty
// state: a page that declares no groups is its set-up mistake.
import { html } from 'lit';
import type { GetKs } from '../../src/api/session.js';
import { FAILING, SLOW, describeSheets } from './sheet.js';

const prefs = (partnerId: number, getKs: GetKs) => html`<kal-unsubscribe-prefs partner-id=${partnerId} .getKs=${getKs}>
  <kal-pref-group group-id="event-updates" label="Event updates" description="Schedule changes and reminders"></kal-pref-group>
  <kal-pref-group group-id="session-reminders" label="Session reminders" description="A note before each session you saved"></kal-pref-group>
  <kal-pref-group group-id="marketing-emails" label="News and offers"></kal-pref-group>
  <kal-pref-group group-id="weekly-digest" label="Weekly digest" description="The week's highlights, every Monday"></kal-pref-group>
</kal-unsubscribe-prefs>`;

describeSheets('kal-unsubscribe-prefs', 'unsubscribe-prefs', [
  { name: 'loading', switches: SLOW, template: prefs, ready: '[part~=loading]' },
  { name: 'data', template: prefs, ready: 'kal-load' },
  { name: 'error', switches: FAILING, template: prefs, ready: '[role=alert]' },
  {
    name: 'config',
    template: (partnerId, getKs) => html`<kal-unsubscribe-prefs partner-id=${partnerId} .getKs=${getKs}></kal-unsubscribe-prefs>`,
    ready: '[role=alert]',
  },
]);
