// React ships CommonJS only. This dev-server plugin serves `react`, `react-dom` and
// `react-dom/client` to browser tests as ES modules with named exports, all backed by ONE bundle
// (two copies of React would break hooks). Nothing here reaches the published package.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const SPECIFIERS = { react: 'React', 'react-dom': 'ReactDOM', 'react-dom/client': 'ReactDOMClient' };
const BUNDLE_PATH = '/__react__/bundle.js';
let bundle;

async function reactBundle() {
  bundle ??= build({
    stdin: {
      contents: `import React from 'react'; import ReactDOM from 'react-dom'; import ReactDOMClient from 'react-dom/client';
        export { React, ReactDOM, ReactDOMClient };`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

/** The module's export names, read from its production build (the development one patches console). */
function exportNames(specifier) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return Object.keys(require(specifier));
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

function wrapper(specifier) {
  const name = SPECIFIERS[specifier];
  const keys = exportNames(specifier).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
  return `import { ${name} } from '${BUNDLE_PATH}';
export default ${name};
export const { ${keys.join(', ')} } = ${name};`;
}

export function reactPlugin() {
  return {
    name: 'react-as-esm',
    resolveImport({ source }) {
      if (source in SPECIFIERS) return `/__react__/${source.replace('/', '__')}.js`;
      return undefined;
    },
    async serve(context) {
      if (context.path === BUNDLE_PATH) return { body: await reactBundle(), type: 'js' };
      const match = /^\/__react__\/(.+)\.js$/.exec(context.path);
      if (match) return { body: wrapper(match[1].replace('__', '/')), type: 'js' };
      return undefined;
    },
  };
}
