// Prints how long <kal-leaderboard> takes to render and to update, with 100 rows (table layout,
// page-size 100) and with 10,000 rows loaded (scroll layout, virtualised), in the machine's Chromium
// against the sandbox served by Vite. Figures only, no thresholds: `node bench/leaderboard.mjs`.
//
// "render" is the element's own update (Lit render + DOM commit + the reordering animation set-up),
// timed around `performUpdate`; "to paint" runs from the action to the next frame and includes the
// sandbox's answer over local HTTP.
import { ms, openBench, summarise } from './lib/browser.mjs';

const PARTNER = 4242;
const UPDATES = Number(process.env.BENCH_UPDATES ?? 10);
const SCROLL_FRAMES = Number(process.env.BENCH_FRAMES ?? 180);
const TARGET_ROWS = 10_000;

const bench = await openBench({ viewport: { width: 1024, height: 900 } });
const { page } = bench;

try {
  await page.evaluate(async (partnerId) => {
    const { configure } = await import('/src/config.ts');
    await import('/src/components/leaderboard/define.ts');
    // No automatic movement for this partner: the bench ticks by hand, so every run sees the same moves.
    await fetch('/sandbox/control', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ partnerId, live: false }),
    });
    configure({
      partnerId,
      serviceUrls: { game: '/api/game', messaging: '/sandbox/messaging/api/v1', kaf: '/sandbox/kaf' },
      tokenEndpoint: `/sandbox/ks?partnerId=${partnerId}&userId=viewer%40example.com`,
    });

    // Time the element's own updates (bench-only instrumentation, on the page, not in the element).
    const Ctor = customElements.get('kal-leaderboard');
    const original = Ctor.prototype.performUpdate;
    window.__updates = [];
    Ctor.prototype.performUpdate = function performUpdate() {
      const started = performance.now();
      const result = original.call(this);
      window.__updates.push(performance.now() - started);
      return result;
    };

    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const tick = (steps = 1) =>
      fetch('/sandbox/control/tick', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ partnerId, steps }),
      });
    const rowsIn = (element) => element.shadowRoot.querySelectorAll('tbody tr, .scroller [role=row]');
    const lastRowIndex = (element) =>
      Math.max(0, ...[...element.shadowRoot.querySelectorAll('.scroller [role=row]')].map((row) => Number(row.getAttribute('aria-rowindex'))));

    window.__bench = {
      /** Frame intervals of an idle page: what this machine's frames look like with nothing to do. */
      async idleFrames(frames) {
        const intervals = [];
        let last = performance.now();
        for (let i = 0; i < frames; i++) {
          await frame();
          const now = performance.now();
          intervals.push(now - last);
          last = now;
        }
        return intervals;
      },
      async mount(attributes) {
        document.body.replaceChildren();
        const element = document.createElement('kal-leaderboard');
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        const loaded = new Promise((resolve) => element.addEventListener('kal-load', resolve, { once: true }));
        window.__updates = [];
        const started = performance.now();
        document.body.append(element);
        await loaded;
        await element.updateComplete;
        element.shadowRoot.querySelector('.root').getBoundingClientRect();
        await painted();
        const toPaint = performance.now() - started;
        // The virtualiser lays its rows out in frames of its own: count them once it has.
        for (let i = 0; i < 60 && rowsIn(element).length === 0; i++) await frame();
        return { toPaint, render: Math.max(...window.__updates), domRows: rowsIn(element).length };
      },
      async update(steps = 1) {
        const element = document.querySelector('kal-leaderboard');
        await tick(steps);
        window.__updates = [];
        const started = performance.now();
        await element.refresh();
        await element.updateComplete;
        await frame();
        const toFrame = performance.now() - started;
        const render = window.__updates.reduce((sum, value) => sum + value, 0);
        for (const animation of element.shadowRoot.getAnimations()) animation.finish();
        const moved = element.shadowRoot.querySelectorAll('[part=movement]').length;
        await painted();
        return { toFrame, render, moved };
      },
      async loadRows(target) {
        const element = document.querySelector('kal-leaderboard');
        const scroller = element.shadowRoot.querySelector('.scroller');
        const started = performance.now();
        const frames = [];
        let last = started;
        while (lastRowIndex(element) < target + 1) {
          scroller.scrollTop = scroller.scrollHeight;
          await frame();
          const now = performance.now();
          frames.push(now - last);
          last = now;
          if (now - started > 300_000) throw new Error(`only ${lastRowIndex(element) - 1} rows after 5 minutes`);
        }
        return { total: performance.now() - started, loaded: lastRowIndex(element) - 1, frames };
      },
      async scrollSmoothly(frames, pixelsPerFrame) {
        const element = document.querySelector('kal-leaderboard');
        const scroller = element.shadowRoot.querySelector('.scroller');
        scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2;
        await frame();
        await frame();
        const intervals = [];
        let last = performance.now();
        for (let i = 1; i <= frames; i++) {
          scroller.scrollTop += pixelsPerFrame;
          await frame();
          const now = performance.now();
          intervals.push(now - last);
          last = now;
        }
        return { intervals };
      },
      async scrollThrough(frames) {
        const element = document.querySelector('kal-leaderboard');
        const scroller = element.shadowRoot.querySelector('.scroller');
        const span = scroller.scrollHeight - scroller.clientHeight;
        const intervals = [];
        const domRows = [];
        await frame();
        let last = performance.now();
        // Top to bottom and back, a jump per frame: every frame shows rows that were not in the DOM.
        for (let i = 1; i <= frames; i++) {
          const progress = i <= frames / 2 ? (2 * i) / frames : 2 - (2 * i) / frames;
          scroller.scrollTop = progress * span;
          await frame();
          const now = performance.now();
          intervals.push(now - last);
          last = now;
          domRows.push(rowsIn(element).length);
        }
        return { intervals, maxDomRows: Math.max(...domRows) };
      },
    };
  }, PARTNER);

  const results = [];
  const record = (scenario, metric, value, note = '') => results.push({ scenario, metric, value, note });

  const idle = summarise(await page.evaluate((frames) => window.__bench.idleFrames(frames), 120));
  record('baseline', 'idle page frame time', `median ${ms(idle.median)}, p95 ${ms(idle.p95)}`, 'for reading the frame figures below');

  // ---- 100 rows: table layout, one page of 100 ----
  const mounts100 = [];
  for (let i = 0; i < 5; i++) mounts100.push(await page.evaluate(() => window.__bench.mount({ 'leaderboard-id': 'lb_conference', 'page-size': '100' })));
  record('100 rows, table', 'first render (element update)', ms(summarise(mounts100.map((m) => m.render)).median), 'median of 5 mounts');
  record('100 rows, table', 'mount → painted (incl. sandbox fetch)', ms(summarise(mounts100.map((m) => m.toPaint)).median), `${mounts100[0].domRows} rows in the DOM`);
  const updates100 = [];
  for (let i = 0; i < UPDATES; i++) updates100.push(await page.evaluate(() => window.__bench.update(1)));
  const u100 = summarise(updates100.map((u) => u.render));
  record('100 rows, table', 'live update (element update, FLIP)', `${ms(u100.median)} (p95 ${ms(u100.p95)})`, `median of ${UPDATES} ticks; up to ${Math.max(...updates100.map((u) => u.moved))} rows marked as moved`);
  record('100 rows, table', 'refresh() → next frame (incl. fetch)', ms(summarise(updates100.map((u) => u.toFrame)).median), '');

  // ---- 10,000 rows: scroll layout, pages of 100 loaded as the list scrolls ----
  const scrollMount = await page.evaluate(() =>
    window.__bench.mount({ 'leaderboard-id': 'lb_huge', 'page-size': '100', layout: 'scroll' }),
  );
  record('10,000 rows, scroll', 'first render, first 100 rows (element update)', ms(scrollMount.render), '');
  record('10,000 rows, scroll', 'mount → painted (incl. sandbox fetch)', ms(scrollMount.toPaint), `${scrollMount.domRows} rows in the DOM`);
  const loading = await page.evaluate((target) => window.__bench.loadRows(target), TARGET_ROWS);
  const loadFrames = summarise(loading.frames);
  record('10,000 rows, scroll', `load ${TARGET_ROWS.toLocaleString('en')} rows by scrolling`, ms(loading.total), `pages of 100 as the end nears; frame median ${ms(loadFrames.median)}, p95 ${ms(loadFrames.p95)}`);
  const updates10k = [];
  for (let i = 0; i < UPDATES; i++) updates10k.push(await page.evaluate(() => window.__bench.update(1)));
  const u10k = summarise(updates10k.map((u) => u.render));
  record('10,000 rows, scroll', 'live update, 10,000 loaded (element update)', `${ms(u10k.median)} (p95 ${ms(u10k.p95)})`, `median of ${UPDATES} ticks`);
  record('10,000 rows, scroll', 'refresh() → next frame (incl. fetch)', ms(summarise(updates10k.map((u) => u.toFrame)).median), 'the pages in view are read again');
  const smooth = await page.evaluate((frames) => window.__bench.scrollSmoothly(frames, 40), SCROLL_FRAMES);
  const smoothFrames = summarise(smooth.intervals);
  record('10,000 rows, scroll', 'steady scroll frame time (40 px a frame)', `median ${ms(smoothFrames.median)}, p95 ${ms(smoothFrames.p95)}, max ${ms(smoothFrames.max)}`, `${SCROLL_FRAMES} frames`);
  const scrolling = await page.evaluate((frames) => window.__bench.scrollThrough(frames), SCROLL_FRAMES);
  const frames = summarise(scrolling.intervals);
  record('10,000 rows, scroll', 'jump-scroll frame time (new rows every frame)', `median ${ms(frames.median)}, p95 ${ms(frames.p95)}, max ${ms(frames.max)}`, `${SCROLL_FRAMES} frames; at most ${scrolling.maxDomRows} rows in the DOM`);

  const idleAfter = summarise(await page.evaluate((frames) => window.__bench.idleFrames(frames), 120));
  record('baseline', 'idle page frame time, again at the end', `median ${ms(idleAfter.median)}, p95 ${ms(idleAfter.p95)}`, 'a p95 well above 17 ms means other work shared the CPU');

  const version = await page.evaluate(() => navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
  console.log(`kal-leaderboard bench · ${version} · ${new Date().toISOString()}`);
  console.table(results);
} finally {
  await bench.close();
}
