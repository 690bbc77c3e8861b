import { defineConfig } from 'vite';
import { demoBackendPlugin } from './demo/backend.js';
import { sandboxVitePlugin } from './sandbox/vite-plugin.js';

// `npm start` (the demo page, index.html) and Storybook: the sandbox mounted same-origin at /sandbox,
// and the demo's own backend (token endpoint /api/ks, Game Services proxy /api/game/) in front of it.
// The Game proxy is a front door: the demo toolbar's fault switches reach the Game widgets through it,
// as a failing proxy would fail them. The library build has its own script (scripts/build.mjs).
export default defineConfig({
  plugins: [sandboxVitePlugin({ frontDoors: ['/api/game/'] }), demoBackendPlugin()],
  server: { host: '127.0.0.1' },
});
