// `npm run build` → dist/:
//   kaltura-widgets.js, leaderboard.js, … ES modules for bundlers (dependencies stay bare imports)
//   cdn/*.js            the same entries with dependencies bundled and chunked, for <script type="module">
//   kaltura-widgets.iife.js  every element, global `KalturaWidgets`, for a plain <script> tag
//   server.js           the Node-only companion
//   types/              .d.ts for all of it
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { build } from 'vite';
import { SHIPPED_LOCALES } from '../src/i18n/locale-list.ts';

/** Public entries: the all-in-one module and one module per element (it registers the element). */
export const ENTRIES = {
  'kaltura-widgets': 'src/index.ts',
  leaderboard: 'src/components/leaderboard/define.ts',
  'badge-progress': 'src/components/badge-progress/define.ts',
  'room-embed': 'src/components/room-embed/define.ts',
  'unsubscribe-prefs': 'src/components/unsubscribe-prefs/define.ts',
};

const DEPENDENCIES = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^valibot$/, /^react($|\/)/];
const shared = { configFile: false, logLevel: 'warn', publicDir: false };
// Library mode leaves ES output unminified unless the output itself asks for it.
const esOutput = { chunkFileNames: 'chunks/[name]-[hash].js', minify: true };

rmSync('dist', { recursive: true, force: true });

/** An ES library build of `entry` into `outDir`, minified, with source maps. */
const esBuild = (outDir, entry, external = []) =>
  build({
    ...shared,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: true,
      lib: { entry, formats: ['es'] },
      rolldownOptions: { external, output: esOutput },
    },
  });

// npm: bare dependency imports, so an app's bundler shares one Lit with everything else.
await esBuild('dist', { ...ENTRIES, react: 'src/react/index.ts' }, DEPENDENCIES);

// CDN: everything bundled; per-element entries share chunks (Lit, the API core) with each other.
await esBuild('dist/cdn', ENTRIES);

// Script tag: one classic script with a global. Its catalogues are ES modules in dist/locales/,
// imported by URL (register-locales.script.ts) since a classic script cannot split chunks.
const scriptLocales = {
  name: 'script-tag-locales',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!source.endsWith('/register-locales.js') || !importer) return null;
    return this.resolve(source.replace(/register-locales\.js$/, 'register-locales.script.ts'), importer);
  },
};
await build({
  ...shared,
  plugins: [scriptLocales],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: { entry: 'src/index.ts', formats: ['iife'], name: 'KalturaWidgets', fileName: () => 'kaltura-widgets.iife.js' },
  },
});

await build({
  ...shared,
  build: {
    outDir: 'dist/locales',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: Object.fromEntries(SHIPPED_LOCALES.map((locale) => [locale, `src/i18n/locales/${locale}.ts`])), formats: ['es'] },
    rolldownOptions: { output: { minify: true } },
  },
});

// Node companion: node: built-ins and zod stay external.
await build({
  ...shared,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'node20',
    sourcemap: true,
    minify: false,
    ssr: 'src/server/index.ts',
    rolldownOptions: {
      external: [/^node:/, ...DEPENDENCIES],
      output: { entryFileNames: 'server.js' },
    },
  },
});

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
copyFileSync('src/defined.css', 'dist/defined.css');
console.log('build: dist/ ready');
