// Prints gzipped bytes (gzip -9) per entry of the built kit (run `npm run build` first), against
// the budgets of issue 7: the IIFE with every element ≤ 35 KB; any single-element CDN entry with its
// shared chunks (Lit, the API core) ≤ 20 KB.
//
// A budget counts an entry as one bundle: the entry and every chunk it imports statically, gzipped
// together. That is how the 20 KB-per-entry budget STYLE.md cites is measured (Lion bundles each
// entry into one file with Rollup and gzips it; bundlesize reads "20 kB" as 20 480 bytes). Chunks
// loaded on demand (catalogues, the scroll layout, the live timer) are not part of an entry.
// The "as fetched" column is each file gzipped on its own and summed, what a browser downloads
// over a connection that compresses file by file: a figure to watch, not a budget.
//   node bench/size.mjs           figures only
//   node bench/size.mjs --strict  exits 1 when any budget is exceeded (CI)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).length;
const gzippedFile = (file) => gzipped(readFileSync(file));

/** The file and every module it imports statically (what a browser must fetch before it runs). */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.[^"']+)["']/g)) {
    closure(resolve(dirname(file), match[1]), seen);
  }
  return seen;
}

/** An entry's files as one bundle (`bytes`, what budgets count) and as fetched, each gzipped on its own. */
function measure(files) {
  return {
    bytes: gzipped(Buffer.concat(files.map((each) => readFileSync(each)))),
    asFetched: files.reduce((sum, each) => sum + gzippedFile(each), 0),
  };
}

if (!existsSync('dist/kaltura-widgets.iife.js')) {
  console.error('bench/size: run `npm run build` first');
  process.exit(1);
}

const rows = [];
rows.push({ entry: 'kaltura-widgets.iife.js (all elements)', bytes: gzippedFile('dist/kaltura-widgets.iife.js'), budget: 35 * KB });
for (const name of ['kaltura-widgets', 'leaderboard', 'badge-progress', 'room-embed', 'unsubscribe-prefs']) {
  const file = join('dist/cdn', `${name}.js`);
  if (!existsSync(file)) continue;
  const files = [...closure(resolve(file))];
  rows.push({ entry: `cdn/${name}.js + ${files.length - 1} shared chunks`, ...measure(files), budget: name === 'kaltura-widgets' ? undefined : 20 * KB });
}
for (const name of ['kaltura-widgets', 'leaderboard', 'badge-progress', 'room-embed', 'unsubscribe-prefs', 'react']) {
  const file = join('dist', `${name}.js`);
  if (existsSync(file)) rows.push({ entry: `${name}.js (npm, deps external, own code only)`, ...measure([...closure(resolve(file))]) });
}
if (existsSync('dist/kaltura-widgets.leaderboard-scroll.js')) {
  rows.push({ entry: 'kaltura-widgets.leaderboard-scroll.js (script tag, layout="scroll" only)', bytes: gzippedFile('dist/kaltura-widgets.leaderboard-scroll.js') });
}

const strict = process.argv.includes('--strict');
let failed = false;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
console.log('entry'.padEnd(72), 'one bundle'.padStart(19), 'as fetched'.padStart(19), 'budget'.padStart(8));
for (const row of rows) {
  const exceeded = row.budget !== undefined && row.bytes > row.budget;
  failed ||= exceeded;
  console.log(
    row.entry.padEnd(72),
    `${kb(row.bytes)} (${row.bytes})`.padStart(19),
    (row.asFetched ? `${kb(row.asFetched)} (${row.asFetched})` : '').padStart(19),
    (row.budget ? `${row.budget / KB} KB` : '—').padStart(8),
    row.budget === undefined ? '' : exceeded ? `OVER BUDGET by ${row.bytes - row.budget} bytes` : `${row.budget - row.bytes} bytes to spare`,
  );
}
if (failed) console.log('bench/size: a budget is exceeded.');
process.exit(failed && strict ? 1 : 0);
