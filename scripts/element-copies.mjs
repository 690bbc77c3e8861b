// A CDN-build plugin: small, stateless modules that two elements share (schema readers, image-URL
// check, Lit's repeat directive, …) are copied into each element's own file instead of becoming a
// shared chunk of their own. A page with one element then fetches two files (its entry and the core
// chunk) rather than three or four, and gzip sees each copy with the code that uses it. A page with
// several elements carries a few hundred bytes twice; the all-in-one entry serves such pages.
//
// Only modules without state belong in the list: each copy is its own module instance.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Which element a module belongs to, by its path. */
const OWNERS = [
  [/[\\/]src[\\/](components[\\/]leaderboard[\\/]|api[\\/]game\.ts$)/, 'leaderboard'],
  [/[\\/]src[\\/](components[\\/]badge-progress[\\/]|api[\\/]badges\.ts$)/, 'badge-progress'],
  [/[\\/]src[\\/](components[\\/]unsubscribe-prefs[\\/]|api[\\/]messaging\.ts$)/, 'unsubscribe-prefs'],
  [/[\\/]src[\\/](components[\\/]room-embed[\\/]|api[\\/]rooms\.ts$)/, 'room-embed'],
];
const COPY = '?element-copy=';

const ownerOf = (importer) => importer.includes(COPY) ? importer.slice(importer.indexOf(COPY) + COPY.length) : OWNERS.find(([path]) => path.test(importer))?.[1];

/** `copied`: the ids (absolute paths) to copy per element. */
export function elementCopies(copied) {
  const ids = new Set(copied.map((path) => resolve(path)));
  return {
    name: 'kal-element-copies',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const owner = importer && ownerOf(importer);
      if (!owner) return null;
      const resolved = await this.resolve(source, importer.split('?')[0], { ...options, skipSelf: true });
      return resolved && ids.has(resolved.id) ? `${resolved.id}${COPY}${owner}` : resolved;
    },
    load(id) {
      return id.includes(COPY) ? readFileSync(id.slice(0, id.indexOf(COPY)), 'utf8') : null;
    },
  };
}
