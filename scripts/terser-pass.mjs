// A second minification pass with Terser over files that browsers load as they are (the CDN
// build, the script tag): after the bundler's own minifier it takes ~1 % more off, which the size
// budgets (bench/size.mjs) need. Source maps are carried through.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { minify } from 'terser';

/** Minifies `file` (and its `.map`) in place. */
export async function terserPass(file, { module }) {
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const result = await minify(readFileSync(file, 'utf8'), {
    module,
    ecma: 2020,
    // Hoisting function declarations helps the CDN modules (with keep_fargs, ~70 B per single-element
    // entry) but costs the script tag.
    compress: { passes: 2, hoist_funs: module, keep_fargs: false },
    format: { comments: false },
    sourceMap: { content: map, url: `${basename(file)}.map` },
  });
  writeFileSync(file, result.code);
  writeFileSync(`${file}.map`, result.map);
}

/** Every ES module with a source map under `folder` (recursively). */
export function modulesIn(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}
