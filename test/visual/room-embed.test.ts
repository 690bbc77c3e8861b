// <kal-room-embed> in each of its states (sheet.ts says how the pictures are made). Before joining it shows
// its Join card (its empty state); its data is the open room, the sandbox's view-room page.
import { html } from 'lit';
import { SLOW, describeSheets } from './sheet.js';

const ROOM = '1_sandboxroom';

describeSheets('kal-room-embed', 'room-embed', [
  {
    // The room's page a minute late (load-timeout well past the test): "Opening the room…".
    name: 'loading',
    switches: SLOW,
    template: (partnerId, getKs) => html`<kal-room-embed join="auto" load-timeout="600" entry-id=${ROOM} partner-id=${partnerId} .getKs=${getKs}></kal-room-embed>`,
    ready: '[part~=loading]',
  },
  {
    name: 'idle',
    template: (partnerId, getKs) => html`<kal-room-embed entry-id=${ROOM} partner-id=${partnerId} .getKs=${getKs}></kal-room-embed>`,
    ready: '[part~=card]',
  },
  {
    name: 'data',
    template: (partnerId, getKs) => html`<kal-room-embed join="auto" entry-id=${ROOM} room-name="Keynote Room" partner-id=${partnerId} .getKs=${getKs}></kal-room-embed>`,
    ready: 'kal-load',
  },
  {
    // The host's token endpoint failing: the room cannot start a session.
    name: 'error',
    switches: { fail: { status: 500, count: -1, match: '/sandbox/ks' } },
    template: (partnerId, getKs) => html`<kal-room-embed join="auto" entry-id=${ROOM} partner-id=${partnerId} .getKs=${getKs}></kal-room-embed>`,
    ready: '[role=alert]',
  },
  {
    name: 'config',
    template: (partnerId, getKs) => html`<kal-room-embed kaf-host="https://kaf.example.com/room" entry-id=${ROOM} partner-id=${partnerId} .getKs=${getKs}></kal-room-embed>`,
    ready: '[role=alert]',
  },
]);
