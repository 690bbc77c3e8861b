import { defineConfig } from 'vite';
import { demoBackendPlugin } from './demo/backend.js';
import { sandboxVitePlugin } from './sandbox/vite-plugin.js';

// `npm start` (the demo page, index.html) and Storybook: the sandbox mounted same-origin at /sandbox,
// and the demo's own backend (token endpoint /api/ks, Game Services proxy /api/game/, Events Platform
// proxy /api/events/) in front of it.
// The library build has its own script (scripts/build.mjs).
export default defineConfig({
  plugins: [sandboxVitePlugin(), demoBackendPlugin()],
  server: { host: '127.0.0.1' },
});
