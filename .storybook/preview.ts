import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { configure } from '../src/index.js';

// Stories run against the sandbox mounted by vite.config.ts, with a KS minted by its stand-in backend.
configure({
  partnerId: 1001,
  serviceUrls: { game: '/sandbox/scm/api/v1', messaging: '/sandbox/messaging/api/v1', kaf: '/sandbox/kaf' },
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
