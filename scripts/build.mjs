// `npm run build` → dist/:
//   kaltura-widgets.js, leaderboard.js, … ES modules for bundlers (dependencies stay bare imports)
//   cdn/*.js            the same entries with dependencies bundled and chunked, for <script type="module">
//   kaltura-widgets.iife.js  every element, global `KalturaWidgets`, for a plain <script> tag
//   server.js           the Node-only companion
//   types/              .d.ts for all of it
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { build } from 'vite';
import { elementCopies } from './element-copies.mjs';
import { minifyTemplates } from './minify-templates.mjs';
import { modulesIn, terserPass } from './terser-pass.mjs';
import { SHIPPED_LOCALES } from '../src/i18n/locale-list.ts';

/** Public entries: the all-in-one module and one module per element (it registers the element). */
export const ENTRIES = {
  'kaltura-widgets': 'src/index.ts',
  leaderboard: 'src/components/leaderboard/define.ts',
  'badge-progress': 'src/components/badge-progress/define.ts',
  'room-embed': 'src/components/room-embed/define.ts',
  'unsubscribe-prefs': 'src/components/unsubscribe-prefs/define.ts',
};

const DEPENDENCIES = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^react($|\/)/];
const shared = { configFile: false, logLevel: 'warn', publicDir: false, plugins: [minifyTemplates()] };
// Library mode leaves ES output unminified unless the output itself asks for it.
const esOutput = { chunkFileNames: 'chunks/[name]-[hash].js', minify: true };
// Bundles loaded as they are (CDN, script tag) drop the /* @__PURE__ */ hints meant for bundlers.
const forBrowsers = { comments: { legal: false, annotation: false, jsdoc: false } };

rmSync('dist', { recursive: true, force: true });

/** A browser library build into `outDir` (kept, not emptied), minified, with source maps. */
const libraryBuild = ({ outDir, lib, plugins = [], external = [], output = {}, input = {} }) =>
  build({
    ...shared,
    plugins: [...shared.plugins, ...plugins],
    build: { outDir, emptyOutDir: false, target: 'es2022', sourcemap: true, minify: true, lib, rolldownOptions: { ...input, external, output } },
  });

/** An ES library build of `entry` into `outDir`, chunks under chunks/. */
const esBuild = (outDir, entry, external = [], output = {}, plugins = []) =>
  libraryBuild({
    outDir,
    plugins,
    lib: { entry, formats: ['es'] },
    external,
    output: { ...esOutput, ...output },
    // An element's code may live in its own entry file (which the all-in-one entry imports) rather
    // than in a chunk behind a re-exporting facade: one request fewer per element.
    input: { preserveEntrySignatures: 'allow-extension' },
  });

// npm: bare dependency imports, so an app's bundler shares one Lit with everything else.
await esBuild('dist', { ...ENTRIES, react: 'src/react/index.ts' }, DEPENDENCIES);

// CDN: everything bundled. What the elements need on their first render (Lit, session, config,
// i18n, the base element; and the API client, the data controller (@lit/task) and the live-timer loader, which the room or
// the preference centre do not use) is one shared "core" chunk: one request instead of several, and
// gzip sees it whole. Element code stays in each element's entry file. A module listed here that an
// element does not use costs it bytes (the room ~1 KB, the preference centre ~0.1 KB, both within
// their budgets), against a request or a copy in each element that does.
const CDN_CORE = /node_modules[\\/](lit[\\/]index|lit-html[\\/](lit-html|is-server)|lit-element[\\/]lit-element|@lit[\\/](reactive-element[\\/](reactive-element|css-tag)|task[\\/](index|task|deep-equals)))\.js$|src[\\/](config|version|api[\\/](client|context|errors|ks|regions|schema-error|session)|i18n[\\/](localize|messages|register-locales)|components[\\/]shared[\\/](define|events|kal-element|lang-watch|live-refresh|data-controller|theme\.styles))\.ts$/;
const ELEMENT_COPIES = [
  'src/api/schema.ts',
  'src/components/shared/reduced-motion.ts',
  'src/components/shared/safe-image-url.ts',
  'src/api/viewer.ts',
  'node_modules/lit/directives/repeat.js',
  'node_modules/lit-html/directives/repeat.js',
  'node_modules/lit/directive.js',
  'node_modules/lit-html/directive.js',
  'node_modules/lit-html/directive-helpers.js',
];
// Catalogues keep plain names (chunks/de-DE.js), as beside the script tag: their 15 hashes would cost
// every element ~100 bytes, and a catalogue cached from another release only changes wording (a key
// it lacks falls back to English).
const cdnChunkName = ({ name }) => (SHIPPED_LOCALES.includes(name) ? 'chunks/[name].js' : esOutput.chunkFileNames);
await esBuild('dist/cdn', ENTRIES, [], { ...forBrowsers, chunkFileNames: cdnChunkName, codeSplitting: { groups: [{ name: 'core', test: CDN_CORE }] } }, [
  elementCopies(ELEMENT_COPIES),
]);
for (const file of modulesIn('dist/cdn')) await terserPass(file, { module: true });

// Script tag: one classic script with a global. What it cannot bundle (catalogues, the
// leaderboard's scroll layout) are ES modules beside it, imported by URL: modules with a
// `.script.ts` twin (register-locales, the layout and live-timer loaders) are swapped for it in this build.
const SCRIPT_TWINS = /\/(register-locales|load-scroll-layout|load-compact-layout|live-refresh)\.js$/;
const scriptTwins = {
  name: 'script-tag-twins',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!SCRIPT_TWINS.test(source) || !importer) return null;
    return this.resolve(source.replace(/\.js$/, '.script.ts'), importer);
  },
};
await libraryBuild({
  outDir: 'dist',
  lib: { entry: 'src/index.ts', formats: ['iife'], name: 'KalturaWidgets', fileName: () => 'kaltura-widgets.iife.js' },
  plugins: [scriptTwins],
  output: forBrowsers,
});

// The script tag's scroll layout (with the virtualizer): Lit imports become stand-ins for the
// script's own Lit, which load-scroll-layout.script.ts hands over on a global (names from
// scroll-layout-lit.ts). It may not carry kit code: that would be a second copy beside the script's.
const SCROLL_LAYOUT = 'src/components/leaderboard/scroll-layout.ts';
const KIT_SOURCES = resolve('src') + sep;
const LIT_KEY = `kaltura-widgets.lit@${JSON.parse(readFileSync('package.json', 'utf8')).version}`;
const litNames = new Map(
  [...readFileSync('src/components/leaderboard/scroll-layout-lit.ts', 'utf8').matchAll(/export \{ ([^}]+) \} from '([^']+)'/g)].map(
    ([, names, specifier]) => [specifier, names.split(',').map((name) => name.trim()).filter(Boolean)],
  ),
);
// Lit modules the scroll layout file may carry itself: stateless, and built only on handed-over parts.
const BUNDLED_LIT = new Set(['lit/async-directive.js']);
const scriptLit = {
  name: 'script-tag-lit',
  enforce: 'pre',
  async resolveId(source, importer) {
    // One name per Lit module: lit-html/x.js and Lit's own relative imports (./directive.js) are lit/x.js.
    let specifier = source.replace(/^lit-html\//, 'lit/');
    if (source.startsWith('.') && importer && /[\\/]node_modules[\\/]lit-html[\\/]/.test(importer)) {
      specifier = `lit/${(await this.resolve(source, importer, { skipSelf: true }))?.id.split(/[\\/]node_modules[\\/]lit-html[\\/]/)[1]}`;
    }
    if (litNames.has(specifier)) return `\0script-lit:${specifier}`;
    if (!/^(lit|lit-element|lit-html|@lit\/[^/]+)($|\/)/.test(specifier) || BUNDLED_LIT.has(specifier)) return null;
    this.error(`the script-tag scroll layout imports ${specifier}: add it to scroll-layout-lit.ts`);
  },
  load(id) {
    if (id.startsWith(KIT_SOURCES) && id !== resolve(SCROLL_LAYOUT)) this.error(`the script-tag scroll layout would carry a copy of ${id}`);
    if (!id.startsWith('\0script-lit:')) return null;
    const names = litNames.get(id.slice('\0script-lit:'.length));
    const key = JSON.stringify(LIT_KEY);
    return [
      `const lit = globalThis[Symbol.for(${key})];`,
      // Served beside a script of another version (a partial deploy, a stale cache): say so.
      `if (!lit) throw new Error(${JSON.stringify(`kaltura-widgets.leaderboard-scroll.js is not from the same release as kaltura-widgets.iife.js (${LIT_KEY})`)});`,
      ...names.map((name) => `export const ${name} = lit.${name};`),
    ].join('\n');
  },
};
await libraryBuild({
  outDir: 'dist',
  lib: { entry: { 'kaltura-widgets.leaderboard-scroll': SCROLL_LAYOUT }, formats: ['es'] },
  plugins: [scriptLit],
  output: { minify: true, codeSplitting: false, ...forBrowsers },
});
await terserPass('dist/kaltura-widgets.iife.js', { module: false });
await terserPass('dist/kaltura-widgets.leaderboard-scroll.js', { module: true });

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

// The CDN and script-tag files carry Lit without its licence comments (minified away): its notices
// ship beside them instead, as the BSD licence asks of binary redistribution.
const BUNDLED_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit-labs/virtualizer'];
writeFileSync(
  'dist/THIRD-PARTY-NOTICES.txt',
  `The bundled files in this folder (cdn/, kaltura-widgets.iife.js, kaltura-widgets.leaderboard-scroll.js)\ninclude the following packages.\n\n${BUNDLED_PACKAGES.map((name) => {
    const { version, license } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
    return `${name} ${version} (${license})\n\n${readFileSync(`node_modules/${name}/LICENSE`, 'utf8').trim()}\n`;
  }).join('\n----------------------------------------------------------------------\n\n')}`,
);
console.log('build: dist/ ready');
