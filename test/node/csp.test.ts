// The demo page under a strict Content-Security-Policy, in Chromium: every widget shows its data and
// the browser reports no violation (no inline styles or scripts, no eval).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { type DemoServer, startDemo } from './demo-server.js';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'";

let demo: DemoServer;
let browser: Browser;
let origin: string;

before(async () => {
  demo = await startDemo([
    {
      name: 'strict-csp',
      configureServer(vite) {
        vite.middlewares.use((_req, res, next) => {
          res.setHeader('Content-Security-Policy', POLICY);
          next();
        });
      },
    },
  ]);
  ({ browser, origin } = demo);
});

after(async () => {
  await demo?.close();
});

test('the demo works under a strict CSP with no violation reports', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Installed before any page script, outside the page's CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI}`));
    const loaded: string[] = [];
    (window as unknown as { kitLoads: string[] }).kitLoads = loaded;
    document.addEventListener('kal-load', (event) => loaded.push((event.target as Element).localName));
  });
  const response = await page.goto(`${origin}/`);
  assert.equal(response?.headers()['content-security-policy'], POLICY);
  await page.waitForFunction(
    () => ['kal-leaderboard', 'kal-badge-progress', 'kal-unsubscribe-prefs'].every((tag) => (window as unknown as { kitLoads: string[] }).kitLoads.includes(tag)),
    undefined,
    { timeout: 30_000 },
  );
  // The room waits for a click (camera prompts follow a person's action): join it too.
  await page.locator('kal-room-embed').locator('[part~=join]').click();
  await page.waitForFunction(() => document.querySelector('kal-room-embed')?.shadowRoot?.querySelector('iframe') !== null, undefined, { timeout: 15_000 });
  // Violation reports are dispatched asynchronously: give late ones a moment to arrive.
  await page.waitForTimeout(500);
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await page.close();
});
