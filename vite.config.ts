import { defineConfig } from 'vite';
import { demoBackendPlugin } from './demo/backend.js';
import { sandboxVitePlugin } from './sandbox/vite-plugin.js';

// `npm start` (the demo page, index.html) and Storybook: the sandbox mounted same-origin at /sandbox,
// and the demo's own backend (token endpoint /api/ks, Game Services proxy /api/game/, Events Platform
// proxy /api/events/) in front of it. The proxies are front doors: the demo toolbar's fault switches
// reach the widgets through them, as a failing proxy would fail them. The library build has its own
// script (scripts/build.mjs).
export default defineConfig({
  plugins: [sandboxVitePlugin({ frontDoors: ['/api/game/', '/api/events/'] }), demoBackendPlugin()],
  server: { host: '127.0.0.1' },
});
