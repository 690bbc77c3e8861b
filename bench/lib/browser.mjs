// Shared by the bench scripts: the Vite dev server (vite.config.ts, so the sandbox is mounted at
// /sandbox) plus the machine's Chromium through playwright-core, and a blank page served by Vite
// from which a bench imports the kit's TypeScript sources.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { findChromium } from '../../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

const BLANK_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>bench</title></head>
  <body></body>
</html>`;

/**
 * A Vite plugin answering `/__bench` with a blank page (through Vite's HTML transform), and a
 * bench's own `routes`: `(pathname) => { type, body, cache? } | undefined`, served as they are.
 */
function benchPage(routes) {
  return {
    name: 'kaltura-widgets-bench-page',
    configureServer(server) {
      if (routes) {
        server.middlewares.use((req, res, next) => {
          const answer = routes(new URL(req.url ?? '/', 'http://bench').pathname);
          if (!answer) return next();
          res.setHeader('Content-Type', answer.type);
          res.setHeader('Cache-Control', answer.cache ?? 'no-store');
          res.end(answer.body);
        });
      }
      server.middlewares.use('/__bench', async (req, res) => {
        const html = await server.transformIndexHtml(req.originalUrl ?? '/__bench', BLANK_PAGE);
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(html);
      });
    },
  };
}

/**
 * Starts Vite and Chromium and opens the blank bench page.
 * `routes` adds pages and scripts of the bench's own (see benchPage); `args` adds Chromium flags.
 * @param {{ viewport?: { width: number, height: number }, routes?: (pathname: string) => ({ type: string, body: string | Uint8Array, cache?: string } | undefined), args?: string[] }} [options]
 * @returns {Promise<{ page: import('playwright-core').Page, origin: string, browser: import('playwright-core').Browser, close: () => Promise<void> }>}
 */
export async function openBench(options = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROME_PATH');
  const server = await createServer({
    root: ROOT,
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'warn',
    clearScreen: false,
    // Serve dependencies as they are (ESM) rather than pre-bundling them mid-run, which reloads the page.
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    plugins: [benchPage(options.routes)],
  });
  await server.listen();
  const origin = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1024, height: 800 } });
  page.on('pageerror', (error) => {
    if (!/ResizeObserver loop/.test(error.message)) console.error(`page error: ${error.message}`);
  });
  await page.goto(`${origin}/__bench`);
  return {
    page,
    origin,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Median, mean and 95th percentile of a list of milliseconds. */
export function summarise(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1);
  return { n: sorted.length, median: at(0.5), mean, p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

/** Formats milliseconds for a printed table. */
export const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '–');
