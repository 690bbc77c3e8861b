// Bundles the kit's current sources the way a page gets them from a CDN (ES modules, minified,
// production Lit, one chunk per locale), in memory with esbuild, so that a bench measures what a
// page would load rather than Vite's unbundled dev modules (hundreds of requests, Lit's dev mode).
// Entries: `index` (every element, as `kaltura-widgets`) and one per element, each also exporting
// `configure`. Served by `kitRoutes()` under /__kit/.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const KIT_ENTRIES = {
  index: 'src/index.ts',
  leaderboard: 'src/components/leaderboard/define.ts',
  'badge-progress': 'src/components/badge-progress/define.ts',
  'room-embed': 'src/components/room-embed/define.ts',
  'unsubscribe-prefs': 'src/components/unsubscribe-prefs/define.ts',
};

/**
 * Each entry is bundled on its own (as a page embedding one widget loads it): one file, plus a chunk
 * per dynamic import (locale catalogues, the leaderboard's scroll layout), fetched only when used.
 * @returns {Promise<{ files: Map<string, string>, sizes: Record<string, number> }>} `/__kit/<entry>.js`
 *   (and its chunks under `/__kit/<entry>/`) → code, and each entry file's size in bytes.
 */
export async function bundleKit() {
  const dir = mkdtempSync(join(tmpdir(), 'kal-bench-'));
  try {
    const files = new Map();
    const sizes = {};
    for (const [name, path] of Object.entries(KIT_ENTRIES)) {
      const file = join(dir, `${name}.ts`);
      const source = JSON.stringify(join(ROOT, path));
      writeFileSync(file, `export * from ${source};\nexport { configure } from ${JSON.stringify(join(ROOT, 'src/config.ts'))};\n`);
      const result = await build({
        entryPoints: { [name]: file },
        absWorkingDir: ROOT,
        tsconfig: join(ROOT, 'tsconfig.json'),
        bundle: true,
        splitting: true,
        format: 'esm',
        target: 'es2022',
        minify: true,
        write: false,
        outdir: '/__kit',
        chunkNames: `${name}/[name]-[hash]`,
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'error',
      });
      for (const output of result.outputFiles) {
        const served = output.path.replace(/^.*?\/__kit\//, '/__kit/');
        files.set(served, output.text);
        if (served === `/__kit/${name}.js`) sizes[name] = output.contents.byteLength;
      }
    }
    return { files, sizes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A `routes` function for openBench serving the bundle (cacheable, as a CDN would serve it). */
export function kitRoutes(files) {
  return (pathname) => {
    const body = files.get(pathname);
    return body === undefined ? undefined : { type: 'text/javascript; charset=utf-8', body, cache: 'max-age=3600' };
  };
}

/** Several `routes` functions as one: the first that answers wins. */
export function combineRoutes(...all) {
  return (pathname) => {
    for (const routes of all) {
      const answer = routes(pathname);
      if (answer) return answer;
    }
    return undefined;
  };
}

/** Sandbox service URLs as the bench pages use them. */
export const SANDBOX_URLS = { game: '/api/game', messaging: '/sandbox/messaging/api/v1', kaf: '/sandbox/kaf' };

/** Sets sandbox switches for a partner (from Node, against the bench's server). */
export async function control(origin, partnerId, switches) {
  const response = await fetch(`${origin}/sandbox/control`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ partnerId, ...switches }),
  });
  if (!response.ok) throw new Error(`control failed: ${response.status} ${await response.text()}`);
}
