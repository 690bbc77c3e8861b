// Requests per minute that 1, 10 and 50 open tabs of one page cost the services: a page with a live
// leaderboard and a live badge widget, hand-written (fetch() on a fixed timer, one token call per tab)
// vs the kit (jittered refresh, live reads shared between tabs over BroadcastChannel). In the
// machine's Chromium against the sandbox (Vite).
//
//   node bench/economy.mjs            (BENCH_WINDOW_S=30: the measured window, in seconds)
//
// Method
// - Tabs are pages of one browser context (one profile: BroadcastChannel reaches them all), each a
//   separate document with its own copy of the kit, opened one after the other; every tab's data is
//   on screen before the window starts. Headless pages are all "visible", so none is paused.
// - Both pages show the same thing and refresh every 5 s (`refresh-interval="5"`, the kit's minimum):
//   the board (leaderboard/get, userScore/list, userScore/get) and 3 badges (badge/list, userScore/ruleProgress
//   × 3): 7 reads per refresh. The sandbox moves the scores every 5 s.
// - Requests are counted in the browser (Playwright request events of the context) over a window of
//   BENCH_WINDOW_S seconds after all tabs loaded, and scaled to one minute. "while opening" counts what
//   the tabs asked until the last one showed its data (first loads, token calls, and the live refreshes
//   of tabs already open meanwhile).
// - "kit, no tab sharing" is the kit with BroadcastChannel removed from the pages: jitter and
//   in-tab de-duplication only, to show what the sharing itself saves.
// - The kit is bundled from src/ (ES module, minified, production Lit); pages are light (two widgets),
//   so 50 real pages fit on 2 cores.
import { openBench } from './lib/browser.mjs';
import { SANDBOX_URLS, bundleKit, combineRoutes, kitRoutes } from './lib/kit-bundle.mjs';

const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 30);
const TABS = (process.env.BENCH_TABS ?? '1,10,50').split(',').map(Number);
const INTERVAL_S = 5;
const BADGES = ['badge_attendee', 'badge_marathon', 'badge_networker'];

const page = {
  kit: (partnerId) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kit tab</title>
<script>window.__loaded = 0; document.addEventListener('kal-load', () => { window.__loaded++; });</script>
<script type="module">
  import { configure } from '/__kit/index.js';
  configure({ partnerId: ${partnerId}, serviceUrls: ${JSON.stringify(SANDBOX_URLS)}, tokenEndpoint: '/sandbox/ks?partnerId=${partnerId}' });
</script></head><body>
<kal-leaderboard leaderboard-id="lb_conference" page-size="10" live refresh-interval="${INTERVAL_S}"></kal-leaderboard>
<kal-badge-progress badge-ids="${BADGES.join(',')}" layout="compact" live refresh-interval="${INTERVAL_S}"></kal-badge-progress>
</body></html>`,
  naive: (partnerId) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fetch tab</title>
<script>window.__loaded = 0;</script>
<script type="module">
const game = ${JSON.stringify(SANDBOX_URLS.game)};
const ids = ${JSON.stringify(BADGES)};
const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
const { ks } = await (await fetch('/sandbox/ks?partnerId=${partnerId}', { cache: 'no-store' })).json();
const post = (path, body) => fetch(game + path, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + ks }, body: JSON.stringify(body) })
  .then((response) => (response.ok ? response.json() : null));
async function poll() {
  const [board, page, self, badges, ...progress] = await Promise.all([
    post('/leaderboard/get', { id: 'lb_conference' }),
    post('/userScore/list', { gameObjectId: 'lb_conference', gameObjectType: 'leaderboard', pager: { pageSize: 10, pageIndex: 1 } }),
    post('/userScore/get', { gameObjectId: 'lb_conference' }),
    post('/badge/list', { filter: { idIn: ids }, pager: { pageSize: 100, pageIndex: 1 } }),
    ...ids.map((id) => post('/userScore/ruleProgress', { gameObjectId: id })),
  ]);
  document.getElementById('board').innerHTML = '<h3>' + esc(board?.name) + '</h3><ol>' +
    (page?.objects ?? []).map((row) => '<li>' + esc(row.userId) + ' ' + esc(row.score) + '</li>').join('') + '</ol><p>You: #' + esc(self?.rank) + '</p>';
  document.getElementById('badges').innerHTML = (badges?.objects ?? []).map((badge, i) => '<span>' + esc(badge.name) + ' ' + esc(progress[i]?.status) + '</span>').join(' ');
  window.__loaded++;
}
await poll();
setInterval(poll, ${INTERVAL_S * 1000});
</script></head><body><div id="board"></div><div id="badges"></div></body></html>`,
};

const { files } = await bundleKit();
const routes = (pathname) => {
  const match = pathname.match(/^\/__economy\/(kit|naive)\/(\d+)$/);
  return match ? { type: 'text/html; charset=utf-8', body: page[match[1]](Number(match[2])) } : undefined;
};
const bench = await openBench({ routes: combineRoutes(kitRoutes(files), routes) });
const { browser, origin } = bench;

/** Opens `tabs` tabs of one page in a fresh context; counts requests; answers per-minute figures. */
async function run(mode, tabs) {
  const partnerId = 770_000 + Math.floor(Math.random() * 100_000);
  const context = await browser.newContext({ viewport: { width: 800, height: 700 } });
  if (mode === 'kit, no tab sharing') await context.addInitScript(() => delete globalThis.BroadcastChannel);
  const seen = [];
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith('/sandbox/') || /^\/sandbox\/(control|assets)\b/.test(path)) return;
    seen.push({ at: Date.now(), token: path.startsWith('/sandbox/ks') });
  });
  const url = `${origin}/__economy/${mode === 'naive' ? 'naive' : 'kit'}/${partnerId}`;
  const expected = mode === 'naive' ? 1 : 2;
  const pages = [];
  try {
    for (let i = 0; i < tabs; i++) {
      const tab = await context.newPage();
      tab.on('pageerror', (error) => console.error(`page error (${mode}): ${error.message}`));
      await tab.goto(url);
      await tab.waitForFunction((count) => window.__loaded >= count, expected, { timeout: 30_000 });
      pages.push(tab);
    }
    const visibility = new Set(await Promise.all(pages.map((tab) => tab.evaluate(() => document.visibilityState))));
    const start = Date.now();
    const load = seen.filter((request) => request.at < start);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_S * 1000));
    const end = Date.now();
    const inWindow = seen.filter((request) => request.at >= start && request.at < end);
    const perMinute = (count) => (count * 60_000) / (end - start);
    return {
      service: perMinute(inWindow.filter((request) => !request.token).length),
      token: perMinute(inWindow.filter((request) => request.token).length),
      loadService: load.filter((request) => !request.token).length,
      loadToken: load.filter((request) => request.token).length,
      visibility: [...visibility].join('/'),
    };
  } finally {
    await context.close();
  }
}

const version = await bench.page.evaluate(() => navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
console.log(`economy · ${version} · ${new Date().toISOString()}`);
console.log(
  `one page = live leaderboard + live badge widget (3 badges), refresh every ${INTERVAL_S} s; ` +
    `requests counted over ${WINDOW_S} s after every tab loaded, scaled to per minute; tabs = pages of one browser context`,
);
const rows = [];
try {
  for (const tabs of TABS) {
    const results = {};
    for (const mode of ['naive', 'kit, no tab sharing', 'kit']) results[mode] = await run(mode, tabs);
    const { naive, kit } = results;
    const noShare = results['kit, no tab sharing'];
    rows.push({
      tabs,
      'naive: service req/min': Math.round(naive.service),
      'kit, no tab sharing: req/min': Math.round(noShare.service),
      'kit: service req/min': Math.round(kit.service),
      'kit / naive': `${((kit.service / naive.service) * 100).toFixed(1)} %`,
      'token calls in window (naive / kit)': `${Math.round(naive.token)} / ${Math.round(kit.token)}`,
      'while opening the tabs: reads + token calls (naive / kit)': `${naive.loadService} + ${naive.loadToken} / ${kit.loadService} + ${kit.loadToken}`,
      visibility: kit.visibility,
    });
    console.log(`  ${tabs} tab(s) measured`);
  }
  console.table(rows);
} finally {
  await bench.close();
}
