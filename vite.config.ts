import { defineConfig } from 'vite';
import { sandboxVitePlugin } from './sandbox/vite-plugin.js';

// `npm start` (the demo page, index.html) and Storybook: the sandbox mounted same-origin at /sandbox.
// The library build has its own script (scripts/build.mjs).
export default defineConfig({
  plugins: [sandboxVitePlugin()],
  server: { host: '127.0.0.1' },
});
