// Prints gzipped bytes per entry of the built kit (run `npm run build` first), against the budgets:
// the IIFE with every element ≤ 35 KB; any single-element CDN entry with its shared chunks (Lit,
// the API core) ≤ 20 KB. With --strict it exits 1 when a budget is exceeded.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

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

if (!existsSync('dist/kaltura-widgets.iife.js')) {
  console.error('bench/size: run `npm run build` first');
  process.exit(1);
}

const rows = [];
const iife = gzipped('dist/kaltura-widgets.iife.js');
rows.push({ entry: 'kaltura-widgets.iife.js (all elements)', bytes: iife, budget: 35 * KB });
for (const name of ['kaltura-widgets', 'leaderboard', 'badge-progress', 'room-embed', 'unsubscribe-prefs']) {
  const file = join('dist/cdn', `${name}.js`);
  if (!existsSync(file)) continue;
  const files = [...closure(resolve(file))];
  const bytes = files.reduce((sum, each) => sum + gzipped(each), 0);
  rows.push({ entry: `cdn/${name}.js + ${files.length - 1} shared chunks`, bytes, budget: name === 'kaltura-widgets' ? undefined : 20 * KB });
}
for (const name of ['kaltura-widgets', 'leaderboard', 'badge-progress', 'room-embed', 'unsubscribe-prefs', 'react']) {
  const file = join('dist', `${name}.js`);
  if (existsSync(file)) rows.push({ entry: `${name}.js (npm, deps external, own code only)`, bytes: [...closure(resolve(file))].reduce((sum, each) => sum + gzipped(each), 0) });
}

let over = false;
console.log('entry'.padEnd(58), 'gzip'.padStart(10), 'budget'.padStart(10));
for (const row of rows) {
  const exceeded = row.budget !== undefined && row.bytes > row.budget;
  over ||= exceeded;
  console.log(
    row.entry.padEnd(58),
    `${(row.bytes / KB).toFixed(1)} KB`.padStart(10),
    (row.budget ? `${row.budget / KB} KB` : '—').padStart(10),
    exceeded ? 'OVER BUDGET' : '',
  );
}
if (over) console.log('Some entries are over budget.');
process.exit(over && process.argv.includes('--strict') ? 1 : 0);
