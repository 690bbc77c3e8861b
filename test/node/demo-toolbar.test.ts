/**
 * The demo page's toolbar (demo/toolbar.ts) in Chromium, on the demo's own Vite server: theme,
 * language, direction and each of the sandbox's fault switches change what every widget shows, the
 * choices are kept in the URL (and a linked URL brings them back), and the toolbar is axe-clean and
 * reachable with the keyboard.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import hebrew from '../../src/i18n/locales/he-IL.js';
import { type DemoServer, startDemo } from './demo-server.js';

/** Plain Hebrew texts of the kit's catalogue. */
function he(key: keyof typeof hebrew): string {
  const text = hebrew[key];
  assert.equal(typeof text, 'string', `${key} is a plain text`);
  return text as string;
}

/** The widgets that load by themselves (the room waits for a click), and what each shows with data. */
const DATA_PARTS = { 'kal-leaderboard': 'row', 'kal-badge-progress': 'badge', 'kal-unsubscribe-prefs': 'group' } as const;
const SELF_LOADING = Object.keys(DATA_PARTS) as Array<keyof typeof DATA_PARTS>;
/** Longest wait for one thing to show; a fault's error state comes after the kit's retries (1 s, 2 s, 4 s). */
const WAIT_MS = 30_000;
const TEST_TIMEOUT_MS = 120_000;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let demo: DemoServer;

before(async () => {
  demo = await startDemo();
});

after(async () => {
  await demo?.close();
});

async function openDemo(query = ''): Promise<Page> {
  const page = await demo.browser.newPage({ viewport: { width: 1024, height: 900 } });
  await page.goto(`${demo.origin}/${query}`);
  return page;
}

/** The first of a widget's `part`s (pierces its shadow root), or the first showing `text`. */
const part = (page: Page, tag: string, name: string, text?: string): Locator =>
  page.locator(`${tag} [part~="${name}"]`).filter(text === undefined ? {} : { hasText: text }).first();

async function everyWidgetShows(page: Page, state: 'data' | 'error' | 'loading'): Promise<void> {
  await Promise.all(SELF_LOADING.map((tag) => part(page, tag, state === 'data' ? DATA_PARTS[tag] : state).waitFor({ timeout: WAIT_MS })));
}

async function choose(page: Page, name: 'theme' | 'lang' | 'dir' | 'fault', value: string): Promise<void> {
  await page.selectOption(`#demo-${name}`, value);
}

/** Resolves once `check` holds (the widgets re-render a moment after an attribute changes). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    assert.ok(Date.now() < deadline, `still not: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(context: string): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
    const { violations } = await axe.run(context);
    return violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  }, selector);
}

describe('demo toolbar', () => {
  test('labelled controls in keyboard order, axe-clean in light and dark', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openDemo();
    await everyWidgetShows(page, 'data');
    const labels = { 'demo-theme': 'Theme', 'demo-lang': 'Language', 'demo-dir': 'Direction', 'demo-fault': 'Services' };
    for (const [id, label] of Object.entries(labels)) assert.equal(await page.getByLabel(label, { exact: true }).getAttribute('id'), id);
    assert.equal(await page.getByRole('form', { name: 'Demo settings' }).count(), 1);
    // Tab from the top of the page walks the toolbar in reading order.
    const focused: string[] = [];
    await page.locator('h1').click();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    assert.deepEqual(focused, ['demo-theme', 'demo-lang', 'demo-dir', 'demo-fault', 'demo-reload']);
    assert.deepEqual(await axeViolations(page, '#demo-toolbar'), []);
    await choose(page, 'theme', 'dark');
    assert.deepEqual(await axeViolations(page, '#demo-toolbar'), []);
    await page.close();
  });

  test('theme, language and direction change every widget, and the URL keeps them', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openDemo();
    await everyWidgetShows(page, 'data');
    const background = (tag: string) => page.locator(tag).evaluate((element) => getComputedStyle(element).backgroundColor);
    const light = await background('kal-leaderboard');

    await choose(page, 'theme', 'dark');
    for (const tag of [...SELF_LOADING, 'kal-room-embed']) {
      assert.notEqual(await background(tag), light, `${tag} turns dark`);
    }
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');

    await choose(page, 'lang', 'he-IL');
    await part(page, 'kal-leaderboard', 'tab', he('leaderboard.overall')).waitFor({ timeout: WAIT_MS });
    await part(page, 'kal-badge-progress', 'status', he('badges.state.inProgress')).waitFor({ timeout: WAIT_MS });
    await part(page, 'kal-unsubscribe-prefs', 'save', he('prefs.save')).waitFor({ timeout: WAIT_MS });
    await part(page, 'kal-room-embed', 'join', he('room.join')).waitFor({ timeout: WAIT_MS });

    // Right to left: the rank is drawn to the right of the name, and the page turns too.
    const rankRightOfName = async () => {
      const row = part(page, 'kal-leaderboard', 'row');
      const rank = await row.locator('[part~="rank"]').boundingBox();
      const name = await row.locator('[part~="name"]').boundingBox();
      return rank!.x > name!.x;
    };
    await choose(page, 'lang', 'en');
    await choose(page, 'dir', 'ltr');
    await until(async () => !(await rankRightOfName()), 'left to right: the rank on the left');
    await choose(page, 'dir', 'rtl');
    await until(rankRightOfName, 'right to left: the rank on the right');
    assert.equal(await page.evaluate(() => document.dir), 'rtl');

    assert.deepEqual(query(page), { theme: 'dark', dir: 'rtl' });
    await page.close();
  });

  test('a linked URL brings the choices back, fault included', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openDemo('?theme=dark&lang=he&dir=rtl&fault=500');
    assert.deepEqual(
      await page.evaluate(() => ['theme', 'lang', 'dir', 'fault'].map((name) => (document.getElementById(`demo-${name}`) as HTMLSelectElement).value)),
      ['dark', 'he-IL', 'rtl', '500'],
    );
    await everyWidgetShows(page, 'error');
    for (const tag of SELF_LOADING) await part(page, tag, 'retry', he('state.retry')).waitFor({ timeout: WAIT_MS });
    for (const tag of SELF_LOADING) assert.equal(await page.locator(tag).getAttribute('theme'), 'dark');
    await choose(page, 'fault', 'none');
    await everyWidgetShows(page, 'data');
    assert.deepEqual(query(page), { theme: 'dark', lang: 'he-IL', dir: 'rtl' });
    await page.close();
  });

  test('each fault drives every widget: offline and 500 to the error state, slow to loading first, then back', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openDemo();
    await everyWidgetShows(page, 'data');

    await choose(page, 'fault', 'offline');
    await everyWidgetShows(page, 'error');
    for (const tag of SELF_LOADING) await part(page, tag, 'retry').waitFor();
    assert.deepEqual(query(page), { fault: 'offline' });

    await choose(page, 'fault', '500');
    await everyWidgetShows(page, 'error');
    // The room meets the fault when it is joined: the sandbox's room page shows the failure.
    await part(page, 'kal-room-embed', 'join').click();
    const room = page.locator('kal-room-embed iframe').contentFrame();
    assert.equal(await room.locator('#room-error').getAttribute('data-status', { timeout: WAIT_MS }), '500');

    await choose(page, 'fault', 'slow');
    await everyWidgetShows(page, 'loading');
    await everyWidgetShows(page, 'data');

    await choose(page, 'fault', 'none');
    await everyWidgetShows(page, 'data');
    assert.deepEqual(query(page), {});
    await page.close();
  });

  test('expired KS: the next calls get 401, the token endpoint is asked again ("rejected"), the widgets show data', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openDemo();
    await everyWidgetShows(page, 'data');
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 401) refused.push(new URL(response.url()).pathname);
    });
    const asked = page.waitForRequest((request) => /\/api\/ks\?.*reason=rejected/.test(request.url()), { timeout: WAIT_MS });
    await choose(page, 'fault', 'expired');
    await asked;
    await page.locator('#demo-tokens').filter({ hasText: 'last reason: rejected' }).waitFor({ timeout: WAIT_MS });
    await everyWidgetShows(page, 'data');
    // Both roads met the expiry: the Game proxy and Messaging.
    assert.ok(refused.some((path) => path.startsWith('/api/game/')), `401s: ${refused.join(', ')}`);
    assert.ok(refused.some((path) => path.startsWith('/sandbox/messaging/')), `401s: ${refused.join(', ')}`);
    await page.close();
  });

  test('the event-site and LMS-course layouts show their widgets with data, and the nav marks the current one', { timeout: TEST_TIMEOUT_MS }, async () => {
    const event = await openDemo('?layout=event');
    await Promise.all([
      part(event, 'kal-event-agenda', 'session').waitFor({ timeout: WAIT_MS }),
      part(event, 'kal-leaderboard', 'row').waitFor({ timeout: WAIT_MS }),
      part(event, 'kal-badge-progress', 'badge').waitFor({ timeout: WAIT_MS }),
    ]);
    assert.equal(await event.locator('kal-unsubscribe-prefs').count(), 0, 'only the event site\'s widgets');
    assert.equal(await event.locator('.demo-layouts [aria-current=page]').textContent(), 'Event site');
    await event.close();

    const course = await openDemo('?layout=course');
    await part(course, 'kal-certificate-progress', 'name', 'Partner Certified Developer').waitFor({ timeout: WAIT_MS });
    await part(course, 'kal-badge-progress', 'badge').waitFor({ timeout: WAIT_MS });
    assert.equal(await course.locator('kal-certificate-progress').count(), 2);
    assert.equal(await course.locator('.demo-layouts [aria-current=page]').textContent(), 'LMS course');
    assert.deepEqual(await axeViolations(course, 'main'), []);
    await course.close();
  });
});
