// <kal-badge-progress> in each of its states (sheet.ts says how the pictures are made).
import { html } from 'lit';
import { FAILING, SLOW, describeSheets } from './sheet.js';

describeSheets('kal-badge-progress', 'badge-progress', [
  {
    name: 'loading',
    switches: SLOW,
    template: (partnerId, getKs) => html`<kal-badge-progress virtual-event-id="12345" partner-id=${partnerId} .getKs=${getKs}></kal-badge-progress>`,
    ready: '[part~=loading]',
  },
  {
    name: 'empty',
    template: (partnerId, getKs) => html`<kal-badge-progress virtual-event-id="no-such-event" partner-id=${partnerId} .getKs=${getKs}></kal-badge-progress>`,
    ready: 'kal-load',
  },
  {
    // Achieved (with its date), exceeded (4 of 1), part done, untouched: every look a card has.
    name: 'data',
    template: (partnerId, getKs) => html`<kal-badge-progress virtual-event-id="12345" partner-id=${partnerId} .getKs=${getKs}></kal-badge-progress>`,
    ready: 'kal-load',
  },
  {
    name: 'error',
    switches: FAILING,
    template: (partnerId, getKs) => html`<kal-badge-progress virtual-event-id="12345" partner-id=${partnerId} .getKs=${getKs}></kal-badge-progress>`,
    ready: '[role=alert]',
  },
  {
    name: 'config',
    template: (partnerId, getKs) => html`<kal-badge-progress virtual-event-id="12345" layout="tiles" partner-id=${partnerId} .getKs=${getKs}></kal-badge-progress>`,
    ready: '[role=alert]',
  },
]);
