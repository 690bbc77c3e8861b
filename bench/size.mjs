// Prints gzipped bytes per entry of the built kit (run `npm run build` first), against the budgets
// of issue 7: the IIFE with every element ≤ 35 KB; any single-element CDN entry with its shared
// chunks (Lit, the API core) ≤ 20 KB. A CDN entry is counted two ways: as a browser fetches it,
// each file gzipped on its own and summed ("gzip"), and as one bundle, the way bundle-size tools
// (Lion's bundlesize, STYLE.md) measure an entry ("one stream": the same files gzipped together).
//   node bench/size.mjs                                 figures only
//   node bench/size.mjs --gate=iife,room-embed          exits 1 when a named budget is exceeded (per file)
//   node bench/size.mjs --gate=leaderboard --one-stream  the same, CDN entries counted as one stream
//   node bench/size.mjs --strict                        exits 1 when any budget is exceeded
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

if (!existsSync('dist/kaltura-widgets.iife.js')) {
  console.error('bench/size: run `npm run build` first');
  process.exit(1);
}

const rows = [];
rows.push({ name: 'iife', entry: 'kaltura-widgets.iife.js (all elements)', bytes: gzippedFile('dist/kaltura-widgets.iife.js'), budget: 35 * KB });
for (const name of ['kaltura-widgets', 'leaderboard', 'badge-progress', 'room-embed', 'unsubscribe-prefs']) {
  const file = join('dist/cdn', `${name}.js`);
  if (!existsSync(file)) continue;
  const files = [...closure(resolve(file))];
  rows.push({
    name,
    entry: `cdn/${name}.js + ${files.length - 1} shared chunks`,
    bytes: files.reduce((sum, each) => sum + gzippedFile(each), 0),
    oneStream: gzipped(Buffer.concat(files.map((each) => readFileSync(each)))),
    budget: name === 'kaltura-widgets' ? undefined : 20 * KB,
  });
}
for (const name of ['kaltura-widgets', 'leaderboard', 'badge-progress', 'room-embed', 'unsubscribe-prefs', 'react']) {
  const file = join('dist', `${name}.js`);
  if (existsSync(file)) rows.push({ entry: `${name}.js (npm, deps external, own code only)`, bytes: [...closure(resolve(file))].reduce((sum, each) => sum + gzippedFile(each), 0) });
}
if (existsSync('dist/kaltura-widgets.leaderboard-scroll.js')) {
  rows.push({ entry: 'kaltura-widgets.leaderboard-scroll.js (script tag, layout="scroll" only)', bytes: gzippedFile('dist/kaltura-widgets.leaderboard-scroll.js') });
}

const gateArgument = process.argv.find((argument) => argument.startsWith('--gate='));
const gated = new Set(gateArgument ? gateArgument.slice('--gate='.length).split(',') : []);
const strict = process.argv.includes('--strict');
const oneStream = process.argv.includes('--one-stream');
const unknown = [...gated].filter((name) => !rows.some((row) => row.name === name && row.budget !== undefined));
if (unknown.length) {
  console.error(`bench/size: no budgeted entry named ${unknown.join(', ')}`);
  process.exit(1);
}
let failed = false;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
console.log('entry'.padEnd(72), 'gzip'.padStart(10), 'bytes'.padStart(8), 'one stream'.padStart(19), 'budget'.padStart(8));
for (const row of rows) {
  const counted = oneStream ? (row.oneStream ?? row.bytes) : row.bytes;
  const exceeded = row.budget !== undefined && counted > row.budget;
  const gate = strict || gated.has(row.name);
  failed ||= exceeded && gate;
  console.log(
    row.entry.padEnd(72),
    kb(row.bytes).padStart(10),
    String(row.bytes).padStart(8),
    (row.oneStream ? `${kb(row.oneStream)} (${row.oneStream})` : '').padStart(19),
    (row.budget ? `${row.budget / KB} KB` : '—').padStart(8),
    exceeded ? `OVER BUDGET by ${counted - row.budget} bytes${oneStream ? ' (one stream)' : ''}` : '',
  );
}
if (failed) console.log('bench/size: a gated budget is exceeded.');
process.exit(failed ? 1 : 0);
