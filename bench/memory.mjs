// Heap growth over 1,000 mount/unmount cycles of each element, in the machine's Chromium against the
// sandbox (Vite). Target (issue 8): under 1 MB per element.
//
//   node bench/memory.mjs            (BENCH_CYCLES=1000; BENCH_ELEMENTS=kal-leaderboard,… for some only)
//
// Method
// - One page loads the kit (bundled from src/: ES module, minified, production Lit) and configures it
//   for a sandbox partner with a token endpoint.
// - A cycle mounts the element, waits for its data on screen (`kal-load`), and removes it. The
//   leaderboard and badge widget are `live` (their refresh timers and observers start and stop). The
//   room joins each time (join="auto": a fresh KS, the KAF room page in its iframe), then leaves
//   (leaveRoom()), then is removed.
// - Before and after the cycles: garbage collection forced through the DevTools protocol
//   (HeapProfiler.collectGarbage, three times), then the used JS heap (Runtime.getHeapUsage) and the
//   DOM node, document and JS listener counts (Performance.getMetrics). 50 warm-up cycles come first,
//   so one-time costs (styles, catalogues, compiled code) are not counted as growth.
// - The heap is V8's (usedSize): the kit's objects, closures, promises, timers. Blink's own objects
//   show as the DOM counts. What little remains is not the kit's: a heap-snapshot diff over 600
//   leaderboard cycles found no JS object type growing, only compiled code (V8 optimising hot
//   functions: InstructionStream, Code, deoptimisation data, ~95 kB), plus, outside the V8 heap,
//   DevTools' record of each request (the bench drives Chromium over the DevTools protocol).
import { openBench } from './lib/browser.mjs';
import { SANDBOX_URLS, bundleKit, combineRoutes, kitRoutes } from './lib/kit-bundle.mjs';

const CYCLES = Number(process.env.BENCH_CYCLES ?? 1000);
const ONLY = process.env.BENCH_ELEMENTS?.split(',');
const WARMUP = 50;
const TARGET_BYTES = 1024 * 1024;
const PARTNER = 660_000 + Math.floor(Math.random() * 10_000);
const ROOM_TOKEN = `/sandbox/ks?partnerId=${PARTNER}&privileges=${encodeURIComponent('entryId:1_sandboxroom,roomModerator:0,chatModerator:0')}`;

const ELEMENTS = [
  {
    name: 'kal-leaderboard',
    how: 'mount (live), data shown, remove',
    markup: '<kal-leaderboard leaderboard-id="lb_conference" page-size="10" live refresh-interval="30"></kal-leaderboard>',
  },
  {
    name: 'kal-badge-progress',
    how: 'mount (live), data shown, remove',
    markup: '<kal-badge-progress badge-ids="badge_attendee,badge_pollster,badge_marathon,badge_networker" live refresh-interval="30"></kal-badge-progress>',
  },
  {
    name: 'kal-room-embed',
    how: 'mount, join (room loaded), leave, remove',
    markup: `<kal-room-embed entry-id="1_sandboxroom" kaf-url="/sandbox/kaf" join="auto" token-endpoint="${ROOM_TOKEN.replace(/&/g, '&amp;')}"></kal-room-embed>`,
    leave: true,
  },
  {
    name: 'kal-unsubscribe-prefs',
    how: 'mount, data shown, remove',
    markup: `<kal-unsubscribe-prefs>${['event-updates', 'session-reminders', 'marketing-emails', 'weekly-digest']
      .map((id) => `<kal-pref-group group-id="${id}" label="${id}"></kal-pref-group>`)
      .join('')}</kal-unsubscribe-prefs>`,
  },
];

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>memory</title>
<script type="module">
  import { configure } from '/__kit/index.js';
  configure({ partnerId: ${PARTNER}, serviceUrls: ${JSON.stringify(SANDBOX_URLS)}, tokenEndpoint: '/sandbox/ks?partnerId=${PARTNER}' });
  const stage = document.getElementById('stage');
  window.__cycles = async (markup, count, leave) => {
    for (let i = 0; i < count; i++) {
      const template = document.createElement('template');
      template.innerHTML = markup;
      const element = template.content.firstElementChild;
      const shown = new Promise((resolve, reject) => {
        element.addEventListener('kal-load', resolve, { once: true });
        element.addEventListener('kal-error', (event) => reject(new Error(JSON.stringify(event.detail))), { once: true });
      });
      stage.append(element);
      await shown;
      if (leave) element.leaveRoom();
      element.remove();
      // The page's Resource Timing buffer (up to 250 entries) is measurement, not the kit.
      performance.clearResourceTimings();
    }
  };
  window.__ready = true;
</script></head><body><div id="stage"></div></body></html>`;

const { files } = await bundleKit();
const bench = await openBench({
  routes: combineRoutes(kitRoutes(files), (pathname) => (pathname === '/__memory' ? { type: 'text/html; charset=utf-8', body: PAGE } : undefined)),
});
const { page, origin } = bench;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

try {
  await page.goto(`${origin}/__memory`);
  await page.waitForFunction(() => window.__ready === true);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const snapshot = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((each) => each.name === name)?.value ?? NaN;
    return { heap: usedSize, nodes: metric('Nodes'), documents: metric('Documents'), listeners: metric('JSEventListeners') };
  };

  const version = await page.evaluate(() => navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
  console.log(`memory · ${version} · ${new Date().toISOString()} · ${CYCLES} cycles per element after ${WARMUP} warm-up, GC forced (CDP) before each reading`);
  const rows = [];
  for (const element of ELEMENTS.filter((each) => !ONLY || ONLY.includes(each.name))) {
    await page.evaluate(({ markup, count, leave }) => window.__cycles(markup, count, leave), { markup: element.markup, count: WARMUP, leave: !!element.leave });
    const before = await snapshot();
    const started = Date.now();
    await page.evaluate(({ markup, count, leave }) => window.__cycles(markup, count, leave), { markup: element.markup, count: CYCLES, leave: !!element.leave });
    const seconds = (Date.now() - started) / 1000;
    const after = await snapshot();
    const growth = after.heap - before.heap;
    rows.push({
      element: element.name,
      cycle: element.how,
      'heap before': kb(before.heap),
      'heap after': kb(after.heap),
      growth: `${kb(growth)} ${growth < TARGET_BYTES ? 'within target' : 'over target'}`,
      'per cycle': `${(growth / CYCLES).toFixed(0)} B`,
      'DOM nodes Δ': after.nodes - before.nodes,
      'documents Δ': after.documents - before.documents,
      'JS listeners Δ': after.listeners - before.listeners,
      time: `${seconds.toFixed(1)} s`,
    });
    console.log(`  ${element.name}: done`);
  }
  console.table(rows);
} finally {
  await bench.close();
}
