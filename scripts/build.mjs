// `npm run build` → dist/, in three bundler builds and the type declarations:
//   1. npm:  kaltura-widgets.js, leaderboard.js, … react.js: ES modules for bundlers (dependencies
//            stay bare imports, so an app's bundler shares one Lit with everything else).
//   2. CDN:  everything bundled, for browsers as they are: kaltura-widgets.iife.js (the script tag: a
//            small loader), cdn/api.js and cdn/{element}.js, and the chunks the bundler makes of what
//            they share (Lit, the core, catalogues, the parts loaded when first used).
//   3. server.js: the Node-only companion.
//   types/: .d.ts for all of it (tsc), and for kaltura-widgets/react's named exports.
// The elements come from one table, src/elements.ts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { ELEMENTS, reactName } from '../src/elements.ts';
import { minifyTemplates } from './minify-templates.mjs';

/** Public entries: the all-in-one module and one module per element (it registers the element). */
const ELEMENT_ENTRIES = Object.fromEntries(ELEMENTS.map(({ module }) => [module, `src/components/${module}/define.ts`]));
const DEPENDENCIES = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^react($|\/)/];

rmSync('dist', { recursive: true, force: true });

// kaltura-widgets/react: src/react/index.ts holds one React component per tag of the table
// (`components`), and the package exports each under its own name. ES modules spell their export
// names out, so that entry and its types are written here, from the table.
const REACT = ELEMENTS.flatMap(({ tags }) => tags).map((tag) => ({ tag, name: reactName(tag) }));
mkdirSync('.tmp', { recursive: true });
writeFileSync(
  '.tmp/react.ts',
  `export * from '../src/react/index.ts';\nimport { components } from '../src/react/index.ts';\nexport const { ${REACT.map(({ name }) => name).join(', ')} } = components;\n`,
);
mkdirSync('dist/types', { recursive: true });
writeFileSync(
  'dist/types/react.d.ts',
  [
    "import type { KitComponents, KitJsxProps } from './react/index.js';",
    "export * from './react/index.js';",
    ...REACT.map(({ tag, name }) => `export declare const ${name}: KitComponents['${name}'];\nexport type ${name}JsxProps = KitJsxProps<'${tag}'>;`),
    '',
  ].join('\n'),
);

/** An ES build of `entry` into dist/: minified, with source maps, chunks under `chunks`. */
const esBuild = ({ entry, external = [], chunks, signatures, output = {} }) =>
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
        preserveEntrySignatures: signatures,
        // Library mode leaves ES output unminified unless the output itself asks for it.
        output: { chunkFileNames: `${chunks}/[name]-[hash].js`, minify: true, ...output },
      },
    },
  });

// 1. npm
// Each entry exports exactly what its source does: what entries share (an element imported by the
// all-in-one entry too, and its registration with it) sits in chunks/, which `sideEffects` lists.
await esBuild({ entry: { 'kaltura-widgets': 'src/index.ts', ...ELEMENT_ENTRIES, react: '.tmp/react.ts' }, external: DEPENDENCIES, chunks: 'chunks', signatures: 'strict' });

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
  // An element's code may stay in its own entry file rather than behind a re-exporting facade.
  signatures: 'allow-extension',
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
