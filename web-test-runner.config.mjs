// Browser tests in the machine's Chromium (no browser download), with the sandbox and the demo's
// backend (token endpoint, Game and Events proxies) mounted same-origin.
import { fileURLToPath } from 'node:url';
import replace from '@rollup/plugin-replace';
import { fromRollup } from '@web/dev-server-rollup';
import { blockModulesPlugin } from './test/wtr-block-modules-plugin.mjs';
import { timezonePlugin } from './test/wtr-timezone-plugin.mjs';
import { reactPlugin } from './test/wtr-react-plugin.mjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { findChromium } from './scripts/chromium.mjs';
import { sandboxMiddleware } from './sandbox/wtr-middleware.js';
import { demoBackendMiddleware } from './test/wtr-demo-backend.mjs';
import { snippetSite } from './test/wtr-snippets.mjs';

const executablePath = findChromium();
if (!executablePath) {
  throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROME_PATH');
}
const snippets = snippetSite();

/** The machine's Chromium, headless (the visual tests' config launches it the same way). */
export const launchOptions = {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};

export default {
  files: process.env.TEST_FILES ?? 'test/browser/**/*.test.ts',
  // The page's origin is the one the demo backend's Game proxy reaches the sandbox on: absolute sandbox
  // asset URLs (badge icons) are then same-origin, as the kit requires of http: images.
  hostname: '127.0.0.1',
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  // The proxies' doors take queued sandbox faults first: element tests see a failing proxy as a page would.
  middleware: [sandboxMiddleware({ frontDoors: ['/api/game/', '/api/events/'] }), demoBackendMiddleware(), ...snippets.middleware],
  plugins: [
    // Lazily loaded modules that fail to download (suites/lazy-modules.test.ts).
    blockModulesPlugin(),
    // The viewer's time zone (the agenda's days and times).
    timezonePlugin(),
    // Published snippets pasted into plain pages (builds/snippets.test.ts): dist/ at /kaltura-widgets/, "your backend".
    snippets.plugin,
    // Framework tests: React as ES modules; Vue's bundler build with its production flags.
    reactPlugin(),
    fromRollup(replace)({
      preventAssignment: true,
      include: ['**/node_modules/@vue/**', '**/node_modules/vue/**'],
      values: { 'process.env.NODE_ENV': JSON.stringify('production'), __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions })],
};
