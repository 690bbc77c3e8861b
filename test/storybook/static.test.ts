// The published Storybook as a reader gets it: `storybook-static` (from `npm run build-storybook`)
// served by a plain static file server with no sandbox behind it. Each story opens in a fresh
// browser profile, so the service worker (.storybook/mock/) is registered from nothing every time.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-ignore: plain JS helpers
import { findChromium } from '../../scripts/chromium.mjs';

const STATIC = fileURLToPath(new URL('../../storybook-static/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
/** Time for a story's first data (the worker installs first) or its fault (after the kit's retries). */
const SHOWN_MS = 30_000;

/** Paths the file server was asked for: none may be a service call (the worker answers those). */
const requested: string[] = [];
let server: Server;
let origin = '';
let browser: Browser;

before(async () => {
  assert.ok(existsSync(join(STATIC, 'iframe.html')), 'storybook-static/ is missing: run `npm run build-storybook` first');
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://static').pathname);
    requested.push(path);
    const file = join(STATIC, normalize(path).replace(/^(\.\.[/\\])+/, ''), path.endsWith('/') ? 'index.html' : '');
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('Not found');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await chromium.launch({ executablePath: findChromium() as string, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens a story (or docs page) in a new profile; the test closes it. */
async function open(id: string, viewMode: 'story' | 'docs' = 'story'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}/iframe.html?id=${id}&viewMode=${viewMode}`);
  return page;
}

async function shown(page: Page, selector: string): Promise<string> {
  const element = page.locator(selector).first();
  await element.waitFor({ timeout: SHOWN_MS });
  return (await element.innerText()).trim();
}

const story = (name: string, id: string, check: (page: Page) => Promise<void>) =>
  test(name, async () => {
    const page = await open(id);
    try {
      await check(page);
    } finally {
      await page.context().close();
    }
  });

story('leaderboard: the conference board, with the viewer pinned', 'widgets-kal-leaderboard--default', async (page) => {
  assert.equal(await shown(page, 'kal-leaderboard [part~=title]'), 'Conference Engagement');
  assert.ok((await page.locator('kal-leaderboard tr[part~=row]').count()) >= 2);
  assert.match(await shown(page, 'kal-leaderboard [part~=pinned]'), /Ada Viewer/);
});

story('badges: every badge of the event, by name', 'widgets-kal-badge-progress--default', async (page) => {
  await shown(page, 'kal-badge-progress [part~=badge]');
  const names = await page.locator('kal-badge-progress [part~=name]').allInnerTexts();
  for (const name of ['Session Attendee', 'Poll Pioneer', 'Marathon Viewer', 'Quiz Whiz']) assert.ok(names.includes(name), `${name} is shown`);
});

story('certificate, LMS course: the course certificate in progress beside its badges', 'widgets-kal-certificate-progress--lms-course', async (page) => {
  assert.equal(await shown(page, 'kal-certificate-progress [part~=name]'), 'Partner Certified Developer');
  assert.equal(await page.locator('kal-certificate-progress [role=progressbar]').getAttribute('aria-valuetext'), '2 of 3 credits');
  await shown(page, 'kal-badge-progress [part~=badge]');
});

story('certificate, live: finishing the last module certifies the viewer', 'widgets-kal-certificate-progress--live-certification', async (page) => {
  assert.equal(await shown(page, 'kal-certificate-progress [part~=status]'), 'In progress');
  await page.getByRole('button', { name: 'Finish the last module' }).click();
  await page.locator('kal-certificate-progress [part~=certificate][data-state=certified]').waitFor({ timeout: SHOWN_MS });
});

story('points guide: beside the leaderboard and badges, the used-up rule done', 'widgets-kal-points-guide--with-leaderboard-and-badges', async (page) => {
  await shown(page, 'kal-points-guide [part~=rule][data-state=done]');
  assert.deepEqual(await page.locator('kal-points-guide [part~=name]').allInnerTexts(), ['Answer polls', 'Watch sessions', 'Chat messages']);
  await shown(page, 'kal-leaderboard [part~=pinned]');
  await shown(page, 'kal-badge-progress [part~=badge]');
});

story('preferences: the viewer starts unsubscribed from news and offers', 'widgets-kal-unsubscribe-prefs--default', async (page) => {
  await shown(page, 'kal-unsubscribe-prefs [role=switch]');
  const checked = (group: string) => page.locator(`kal-unsubscribe-prefs [data-group-id="${group}"] [role=switch]`).getAttribute('aria-checked');
  assert.equal(await checked('marketing-emails'), 'false');
  assert.equal(await checked('event-updates'), 'true');
});

story('room: the sandbox room page opens in the frame', 'widgets-kal-room-embed--auto-join', async (page) => {
  const room = page.frameLocator('kal-room-embed [part~=frame]').locator('body');
  await room.getByText('Keynote Room').waitFor({ timeout: SHOWN_MS });
  assert.match(await room.innerText(), /viewer@example\.com/);
});

story('agenda: the sessions of Kaltura Connect, one of them live now', 'widgets-kal-event-agenda--default', async (page) => {
  assert.equal(await shown(page, 'kal-event-agenda [part~=title]'), 'Kaltura Connect');
  assert.equal(await shown(page, 'kal-event-agenda [part~=session][data-state=live] [part~=state]'), 'Live now');
  assert.equal(await page.locator('kal-event-agenda [part~=session]').count(), 10);
});

story('event site: the agenda beside the leaderboard and the badges', 'widgets-kal-event-agenda--event-site', async (page) => {
  await shown(page, 'kal-event-agenda [part~=session]');
  assert.equal(await shown(page, 'kal-leaderboard [part~=title]'), 'Conference Engagement');
  await shown(page, 'kal-badge-progress [part~=badge]');
});

story('fault: an unknown leaderboard names its id', 'widgets-kal-leaderboard--error-state', async (page) => {
  assert.match(await shown(page, 'kal-leaderboard [role=alert]'), /lb_missing/);
});

story('fault: badges the session may not read (403)', 'widgets-kal-badge-progress--error-forbidden', async (page) => {
  assert.ok(await shown(page, 'kal-badge-progress [role=alert]'));
  assert.ok(!(await page.locator('kal-badge-progress').innerText()).includes('Session Attendee'));
});

story('fault: an email link whose KS has expired', 'widgets-kal-unsubscribe-prefs--expired-link', async (page) => {
  assert.ok(await shown(page, 'kal-unsubscribe-prefs [role=alert]'));
  assert.equal(await page.locator('kal-unsubscribe-prefs [role=switch]').count(), 0);
});

story('fault: the connection drops while saving', 'widgets-kal-unsubscribe-prefs--offline', async (page) => {
  assert.ok(await shown(page, 'kal-unsubscribe-prefs [part~=failure]'));
  // The story switched session reminders off: the choice stays on screen.
  assert.equal(await page.locator('kal-unsubscribe-prefs [data-group-id="session-reminders"] [role=switch]').getAttribute('aria-checked'), 'false');
});

test('docs: tables show default values, the preview a sans-serif stack', async () => {
  const page = await open('widgets-kal-leaderboard--docs', 'docs');
  try {
    const table = await shown(page, '.docblock-argstable');
    assert.doesNotMatch(table, /DEFAULT_[A-Z_]+|new [A-Z]\w*\(/);
    assert.match(table, /pageSize[\s\S]*?\b10\b/);
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(font, /^system-ui\b/);
  } finally {
    await page.context().close();
  }
});

test('the file server was asked only for files: every service call stayed in the browser', () => {
  assert.ok(requested.includes('/mock-service-worker.js'), 'the worker is served from the root of the build');
  assert.deepEqual(requested.filter((path) => /^\/(sandbox|api)\//.test(path)), []);
});
