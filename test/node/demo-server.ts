/**
 * The demo page (index.html, vite.config.ts: the sandbox and the demo backend) on a Vite dev server of
 * its own, with the machine's Chromium: for the Node tests that drive the demo in a browser. Each
 * server has its own sandbox, so the demo partner's switches start clean.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { type PluginOption, type ViteDevServer, createServer } from 'vite';
// @ts-ignore: plain JS helper shared with the test runner config
import { findChromium } from '../../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface DemoServer {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startDemo(plugins: PluginOption[] = []): Promise<DemoServer> {
  const server: ViteDevServer = await createServer({
    root: ROOT,
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'error',
    // No dependency discovery: it would reload the page mid-test when it finds a new import.
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    plugins,
  });
  await server.listen();
  const origin = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  const executablePath = findChromium() as string | undefined;
  assert.ok(executablePath, 'Chromium is needed (npm test finds or installs it)');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
