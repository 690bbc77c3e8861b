// Prints gzipped bytes (gzip -9) per entry of the built kit (run `npm run build` first), against
// the budgets as users pay them (issue 18): bytes as fetched, each file gzipped on its own and
// summed, from the script tag through every module it imports statically, that is everything a page
// loads before its data. A page with one element ≤ 25 KB; a page with all four ≤ 45 KB. Chunks loaded
// on demand (catalogues, the scroll layout, the live timer) are not part of a page's entry.
// The "one bundle" column (the same files gzipped together, as bundle-size tools count an entry, the
// issue 7 reading) stays printed as a figure to watch.
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

/** An entry's files as fetched (`bytes`, each gzipped on its own: what budgets count) and as one bundle. */
function measure(files) {
  return {
    bytes: files.reduce((sum, each) => sum + gzippedFile(each), 0),
    oneBundle: gzipped(Buffer.concat(files.map((each) => readFileSync(each)))),
  };
}

if (!existsSync('dist/kaltura-widgets.iife.js')) {
  console.error('bench/size: run `npm run build` first');
  process.exit(1);
}

const rows = [];
const ONE_ELEMENT_PAGE = 25 * KB;
const ALL_ELEMENTS_PAGE = 45 * KB;
rows.push({ entry: 'kaltura-widgets.iife.js (all elements)', bytes: gzippedFile('dist/kaltura-widgets.iife.js'), budget: ALL_ELEMENTS_PAGE });
for (const name of ['kaltura-widgets', 'leaderboard', 'badge-progress', 'room-embed', 'unsubscribe-prefs']) {
  const file = join('dist/cdn', `${name}.js`);
  if (!existsSync(file)) continue;
  const files = [...closure(resolve(file))];
  rows.push({ entry: `cdn/${name}.js + ${files.length - 1} shared chunks`, ...measure(files), budget: name === 'kaltura-widgets' ? ALL_ELEMENTS_PAGE : ONE_ELEMENT_PAGE });
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
console.log('entry'.padEnd(72), 'as fetched'.padStart(19), 'one bundle'.padStart(19), 'budget'.padStart(8));
for (const row of rows) {
  const exceeded = row.budget !== undefined && row.bytes > row.budget;
  failed ||= exceeded;
  console.log(
    row.entry.padEnd(72),
    `${kb(row.bytes)} (${row.bytes})`.padStart(19),
    (row.oneBundle ? `${kb(row.oneBundle)} (${row.oneBundle})` : '').padStart(19),
    (row.budget ? `${row.budget / KB} KB` : '—').padStart(8),
    row.budget === undefined ? '' : exceeded ? `OVER BUDGET by ${row.bytes - row.budget} bytes` : `${row.budget - row.bytes} bytes to spare`,
  );
}
if (failed) console.log('bench/size: a budget is exceeded.');
process.exit(failed && strict ? 1 : 0);
