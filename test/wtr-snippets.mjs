// The server side of test/browser/builds/snippets.test.ts: a site as our published snippets assume it.
//   - `/kaltura-widgets/…` is `dist/` (built by `npm run build`), as for a user who copied it there;
//   - "your backend": `/api/kaltura-ks` mints a USER KS for partner 123, the snippets' partner, for the
//     person signed in (the demo backend's sign-in cookie, set when a pasted page loads); `/api/game/`
//     and `/api/events/` are the demo backend's Game and Events proxies (mounted in
//     web-test-runner.config.mjs; they serve whichever partner the KS names, 123 here);
//   - Kaltura's and the package CDN's https hosts, for one test page (command `snippet-hosts`): unpkg.com
//     answers from `dist/`, `messaging.{region}.ovp.kaltura.com` is the sandbox's Messaging, and any other
//     https host a snippet names is its KAF host (`kaf-host`), the sandbox's KAF;
//   - commands `snippets` (every fenced code block of README.md and stories/*.mdx, as published) and
//     `paste` (a plain page around a snippet's text, served at `/pasted/{n}.html`).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoBackendMiddleware } from './wtr-demo-backend.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** The partner id the published snippets configure (`partnerId: 123`, stories/show-code.ts). */
const SNIPPET_PARTNER = 123;

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json', '.txt': 'text/plain' };

/** A file of dist/, as a static server answers it; undefined outside dist/ or when missing. */
function distFile(path) {
  const file = resolve(dist, `.${decodeURIComponent(path)}`);
  if (!file.startsWith(dist + sep)) return undefined;
  try {
    return { body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}

/** Every fenced code block of a markdown file: `{ source: 'file:line', language, code }`. */
function fencedBlocks(file) {
  const blocks = [];
  let open;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const fence = /^```(\S*)/.exec(line);
      if (!fence) return open?.lines.push(line);
      if (open) blocks.push({ source: `${relative(root, file)}:${open.line}`, language: open.language, code: open.lines.join('\n') });
      open = open ? undefined : { language: fence[1], line: index + 1, lines: [] };
    });
  return blocks;
}

const publishedDocs = () => [join(root, 'README.md'), ...readdirSync(join(root, 'stories')).filter((name) => name.endsWith('.mdx')).sort().map((name) => join(root, 'stories', name))];

/** The page a snippet is pasted into: nothing but the snippet, and the recorder of kit events and warnings. */
const plainPage = (snippet) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A pasted snippet</title>
    <script src="/test/fixtures/recorder.js"></script>
  </head>
  <body>
${snippet}
  </body>
</html>
`;

/** Answers a routed https request of one page: the CDN from dist/, Kaltura's hosts from the sandbox. */
function kalturaHosts(origin) {
  return async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'unpkg.com') {
      const file = distFile(url.pathname.replace(/^\/kaltura-widgets(@[^/]+)?\/dist/, ''));
      if (!file || !url.pathname.startsWith('/kaltura-widgets')) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, body: file.body, headers: { 'content-type': file.type, 'access-control-allow-origin': '*' } });
    }
    const messaging = /^messaging\.([a-z0-9]+)\.ovp\.kaltura\.com$/.exec(url.hostname);
    // The sandbox's room page asks for its stylesheet at /sandbox/assets/ on the host it is served from.
    const path = messaging ? `/sandbox/${messaging[1]}/messaging${url.pathname}` : url.pathname.startsWith('/sandbox/') ? url.pathname : `/sandbox/kaf${url.pathname}`;
    return route.fulfill({ response: await route.fetch({ url: `${origin}${path}${url.search}` }) });
  };
}

export function snippetSite() {
  const pages = [];
  const stub = '/__storybook-test-stub.js';
  return {
    middleware: [
      demoBackendMiddleware({
        partnerId: SNIPPET_PARTNER,
        tokenPath: '/api/kaltura-ks',
        handles: (path) => path === '/api/kaltura-ks' || path.startsWith('/pasted/'),
      }),
      async (ctx, next) => {
        const pasted = /^\/pasted\/(\d+)\.html$/.exec(ctx.path);
        if (pasted && pages[Number(pasted[1])] !== undefined) {
          ctx.type = 'text/html';
          ctx.body = pages[Number(pasted[1])];
          return undefined;
        }
        const file = ctx.path.startsWith('/kaltura-widgets/') ? distFile(ctx.path.slice('/kaltura-widgets'.length)) : undefined;
        if (!file) return next();
        ctx.type = file.type;
        ctx.body = file.body;
        return undefined;
      },
    ],
    plugin: {
      name: 'snippets',
      // The stories' play functions use storybook/test, whose CommonJS dependencies do not load in the
      // test runner; the snippet test reads the stories' shown source and never plays them.
      resolveImport: ({ source }) => (source === 'storybook/test' ? stub : undefined),
      serve: (context) =>
        context.path === stub
          ? { type: 'js', body: "const notHere = () => { throw new Error('storybook/test does not run in the test runner'); };\nexport const expect = notHere, waitFor = notHere, userEvent = { click: notHere };\n" }
          : undefined,
      async executeCommand({ command, payload, session }) {
        if (command === 'snippets') return publishedDocs().flatMap(fencedBlocks);
        if (command === 'paste') {
          pages.push(plainPage(payload.snippet));
          return `/pasted/${pages.length - 1}.html`;
        }
        if (command !== 'snippet-hosts') return undefined;
        if (!existsSync(join(dist, 'kaltura-widgets.iife.js'))) throw new Error('dist/ is missing: run `npm run build` first');
        const page = session.browser.getPage(session.id);
        await page.route((url) => url.protocol === 'https:', kalturaHosts(new URL(page.url()).origin));
        return true;
      },
    },
  };
}
