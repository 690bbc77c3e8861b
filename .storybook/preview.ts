/// <reference types="vite/client" />
import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { configure } from '../src/index.js';
import { startMockServices, stopMockServices } from './mock/register.js';

// Argument tables and descriptions from the JSDoc of each element (custom-elements.json, written by
// scripts/manifest.mjs before Storybook starts).
const manifest = Object.values(import.meta.glob<{ default: object }>('../custom-elements.json', { eager: true }))[0];
if (manifest) setCustomElementsManifest(manifest.default);

// Stories run against the sandbox and the demo's Game and Events proxies: mounted by vite.config.ts under
// `storybook dev`, and in a service worker in the static build (./mock/), which must control this page
// before a story's first request.
const services = import.meta.env.PROD ? startMockServices() : stopMockServices();
configure({
  partnerId: 1001,
  serviceUrls: { game: '/api/game', messaging: '/sandbox/messaging/api/v1', kaf: '/sandbox/kaf', events: '/api/events' },
  tokenEndpoint: '/sandbox/ks?partnerId=1001&userId=viewer%40example.com',
});

const preview: Preview = {
  parameters: { controls: { expanded: true } },
  loaders: [async () => (await services, {})],
  globalTypes: {
    direction: {
      description: 'Text direction and language',
      toolbar: { title: 'Direction', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { direction: 'ltr' },
  decorators: [
    (story, context) =>
      context.globals.direction === 'rtl' ? html`<div dir="rtl" lang="he">${story()}</div>` : html`${story()}`,
  ],
};

export default preview;
