// `npm run build` → dist/, in three bundler builds and the type declarations:
//   1. npm:  kaltura-widgets.js, leaderboard.js, … react.js: ES modules for bundlers (dependencies
//            stay bare imports, so an app's bundler shares one Lit with everything else).
//   2. CDN:  everything bundled, for browsers as they are: kaltura-widgets.iife.js (the script tag: a
//            small loader), cdn/api.js and cdn/{element}.js, and the chunks the bundler makes of what
//            they share (Lit, the core, catalogues, the parts loaded when first used).
//   3. server.js: the Node-only companion.
//   types/: .d.ts for all of it (tsc).
// The elements come from one table, src/elements.ts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { ELEMENTS } from '../src/elements.ts';
import { minifyTemplates } from './minify-templates.mjs';

/** Public entries: the all-in-one module and one module per element (it registers the element). */
const ELEMENT_ENTRIES = Object.fromEntries(ELEMENTS.map(({ module }) => [module, `src/components/${module}/define.ts`]));
const DEPENDENCIES = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^react($|\/)/];

rmSync('dist', { recursive: true, force: true });

/** An ES build of `entry` into dist/: minified, with source maps, chunks under `chunks`. */
const esBuild = ({ entry, external = [], chunks, output = {} }) =>
  build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    // Layout-only whitespace out of Lit's html``/css`` templates (the JS minifier leaves template text alone).
    plugins: [minifyTemplates()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: true,
      lib: { entry, formats: ['es'] },
      rolldownOptions: {
        external,
        // An element's code may stay in its own entry file rather than behind a re-exporting facade.
        preserveEntrySignatures: 'allow-extension',
        // Library mode leaves ES output unminified unless the output itself asks for it.
        output: { chunkFileNames: `${chunks}/[name]-[hash].js`, minify: true, ...output },
      },
    },
  });

// 1. npm
await esBuild({ entry: { 'kaltura-widgets': 'src/index.ts', ...ELEMENT_ENTRIES, react: 'src/react/index.ts' }, external: DEPENDENCIES, chunks: 'chunks' });

// 2. CDN. The loader imports nothing statically (it finds the modules beside it at run time), so its
// output is a classic script. Comments meant for bundlers (/* @__PURE__ */) are dropped: nothing
// bundles these files again.
await esBuild({
  entry: {
    'kaltura-widgets.iife': 'src/loader.ts',
    'cdn/api': 'src/script-api.ts',
    ...Object.fromEntries(ELEMENTS.map(({ module }) => [`cdn/${module}`, ELEMENT_ENTRIES[module]])),
  },
  chunks: 'cdn/chunks',
  output: {
    comments: { legal: false, annotation: false, jsdoc: false },
    // The loader's own names stay inside a function: a classic script's top-level names are the page's globals.
    banner: (chunk) => (chunk.name === 'kaltura-widgets.iife' ? '(() => {' : ''),
    footer: (chunk) => (chunk.name === 'kaltura-widgets.iife' ? '})();' : ''),
  },
});
if (/^\s*(import|export)\b/m.test(readFileSync('dist/kaltura-widgets.iife.js', 'utf8'))) {
  throw new Error('build: the script-tag loader must not import or export anything (a classic script runs it)');
}

// 3. The Node companion: node: built-ins and the dependencies stay external.
await build({
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'node20',
    sourcemap: true,
    minify: false,
    ssr: 'src/server/index.ts',
    rolldownOptions: { external: [/^node:/, ...DEPENDENCIES], output: { entryFileNames: 'server.js' } },
  },
});

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
copyFileSync('src/defined.css', 'dist/defined.css');

// The CDN files carry Lit without its licence comments (minified away): its notices ship beside
// them instead, as the BSD licence asks of binary redistribution.
const BUNDLED_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/task', '@lit-labs/virtualizer'];
writeFileSync(
  'dist/THIRD-PARTY-NOTICES.txt',
  `The bundled files in this folder (kaltura-widgets.iife.js and cdn/) include the following packages.\n\n${BUNDLED_PACKAGES.map((name) => {
    const { version, license } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
    return `${name} ${version} (${license})\n\n${readFileSync(`node_modules/${name}/LICENSE`, 'utf8').trim()}\n`;
  }).join('\n----------------------------------------------------------------------\n\n')}`,
);
console.log('build: dist/ ready');
