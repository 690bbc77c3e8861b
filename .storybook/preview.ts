/// <reference types="vite/client" />
import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { configure } from '../src/index.js';

// Argument tables and descriptions from the JSDoc of each element (custom-elements.json, written by
// scripts/manifest.mjs before Storybook starts).
const manifest = Object.values(import.meta.glob<{ default: object }>('../custom-elements.json', { eager: true }))[0];
if (manifest) setCustomElementsManifest(manifest.default);

// Stories run against the sandbox mounted by vite.config.ts, with a KS minted by its stand-in backend.
configure({
  partnerId: 1001,
  serviceUrls: { game: '/api/game', messaging: '/sandbox/messaging/api/v1', kaf: '/sandbox/kaf' },
  tokenEndpoint: '/sandbox/ks?partnerId=1001&userId=viewer%40example.com',
});

const preview: Preview = {
  parameters: { controls: { expanded: true } },
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
