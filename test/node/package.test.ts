// The packed tarball in a fresh project, as a team installing it from npm would use it:
// the Node companion imports, the types resolve, and a Vite-bundled page shows a live widget.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
// @ts-ignore: plain JS helpers
import { findChromium } from '../../scripts/chromium.mjs';
import { ELEMENTS, reactName } from '../../src/elements.js';
// @ts-ignore: the sandbox is plain JS
import { createSandbox, sandboxAdminSecret } from '../../sandbox/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let project: string;

before(() => {
  assert.ok(existsSync(join(ROOT, 'dist/kaltura-widgets.js')), 'run `npm run build` first (npm test does)');
  project = mkdtempSync(join(tmpdir(), 'kaltura-widgets-consumer-'));
  const tarball = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], ROOT).trim().split('\n').pop() as string;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', `./${tarball}`, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
});

after(() => {
  if (project && !process.env.KEEP_CONSUMER) rmSync(project, { recursive: true, force: true });
  else if (project) console.log(`consumer project kept at ${project}`);
});

test('the tarball holds the builds, types and manifest, and nothing from src or tests', () => {
  const installed = join(project, 'node_modules/kaltura-widgets');
  for (const file of ['dist/kaltura-widgets.js', 'dist/kaltura-widgets.iife.js', 'dist/cdn/api.js', 'dist/cdn/leaderboard.js', 'dist/leaderboard.js', 'dist/server.js', 'dist/react.js', 'dist/types/index.d.ts', 'dist/defined.css', 'custom-elements.json', 'vscode.html-custom-data.json']) {
    assert.ok(existsSync(join(installed, file)), file);
  }
  assert.ok(!existsSync(join(installed, 'src')));
  assert.ok(!existsSync(join(installed, 'sandbox')));
  const manifest = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8')) as { modules: Array<{ declarations?: Array<{ tagName?: string }> }> };
  const tags = manifest.modules.flatMap((module) => module.declarations ?? []).map((declaration) => declaration.tagName).filter(Boolean);
  for (const tag of ['kal-leaderboard', 'kal-badge-progress', 'kal-room-embed', 'kal-unsubscribe-prefs', 'kal-certificate-progress', 'kal-points-guide']) assert.ok(tags.includes(tag), tag);
});

test('kaltura-widgets/server works in Node from the installed package', () => {
  const script = `import { mintKs } from 'kaltura-widgets/server';
    const { ks } = mintKs({ partnerId: 7, secret: 's3cret', userId: 'ada@example.com', format: 'v1' });
    const fields = Buffer.from(ks.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString().split('|')[1].split(';');
    console.log(JSON.stringify({ partner: fields[0], type: fields[3], user: fields[5] }));`;
  writeFileSync(join(project, 'server-check.mjs'), script);
  assert.deepEqual(JSON.parse(run('node', ['server-check.mjs'], project)), { partner: '7', type: '0', user: 'ada@example.com' });
});

test('the types resolve for a TypeScript project', () => {
  writeFileSync(
    join(project, 'check.ts'),
    `import { configure, type KalErrorDetail } from 'kaltura-widgets';
     import 'kaltura-widgets/leaderboard';
     import { mintKs } from 'kaltura-widgets/server';
     configure({ partnerId: 1, getKs: async () => mintKs({ partnerId: 1, secret: 'x', userId: 'u' }).ks });
     const detail: KalErrorDetail = { code: 'network', message: '', retryable: true };
     document.querySelector('kal-leaderboard')?.addEventListener('kal-rank-change', (event) => event.detail.to + detail.message.length);`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', lib: ['ES2023', 'DOM'], types: [], skipLibCheck: true, noEmit: true }, files: ['check.ts'] }),
  );
  run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], project);
});

test('kaltura-widgets/react types a React project: a component and a JSX tag for each tag of the element table', () => {
  const tags = ELEMENTS.flatMap((element) => [...element.tags]);
  writeFileSync(
    join(project, 'react-check.tsx'),
    `import { ${tags.map(reactName).join(', ')} } from 'kaltura-widgets/react';
     export const every = <>${tags.map((tag) => `<${reactName(tag)} /><${tag} />`).join('')}</>;
     export const typed = (
       <>
         <Leaderboard leaderboardId="lb_abc123" pageSize={10} onKalRankChange={(event) => event.detail.to} onKalError={(event) => event.detail.code} />
         <kal-leaderboard leaderboard-id="lb_abc123" page-size="10" live onkal-rank-change={(event) => event.detail.from} />
         {/* @ts-expect-error: another element's event */}
         <BadgeProgress onKalRankChange={() => undefined} />
       </>
     );`,
  );
  // React is an optional peer the consumer has not installed: its types come from this repository.
  const reactTypes = join(ROOT, 'node_modules/@types/react');
  writeFileSync(
    join(project, 'tsconfig.react.json'),
    JSON.stringify({
      compilerOptions: { strict: true, jsx: 'react-jsx', module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', lib: ['ES2023', 'DOM'], types: [], skipLibCheck: true, noEmit: true, paths: { react: [reactTypes], 'react/*': [`${reactTypes}/*`] } },
      files: ['react-check.tsx'],
    }),
  );
  run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.react.json'], project);
});

test('a bundled page from the installed package shows a leaderboard through its Game proxy', { timeout: 90_000 }, async () => {
  const app = join(project, 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title><script type="module" src="./main.js"></script></head><body><kal-leaderboard leaderboard-id="lb_conference" page-size="4"></kal-leaderboard></body></html>`);
  writeFileSync(
    join(app, 'main.js'),
    `import { configure } from 'kaltura-widgets';
     import 'kaltura-widgets/leaderboard';
     configure({ partnerId: 4242, serviceUrls: { game: '/api/game' }, tokenEndpoint: '/sandbox/ks?partnerId=4242' });
     document.addEventListener('kal-load', () => { document.body.dataset.loaded = 'yes'; });`,
  );
  await build({ root: app, configFile: false, logLevel: 'error', build: { outDir: join(app, 'dist') } });

  const sandbox = createSandbox();
  // The backend half, from the installed package: Game Services through its proxy (the sandbox wants an ADMIN KS).
  const companion = await import(join(project, 'node_modules', 'kaltura-widgets', 'dist', 'server.js'));
  const secret = sandboxAdminSecret(4242);
  let gameProxy: ((req: unknown, res: unknown, next: () => void) => void) | undefined;
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server: Server = createServer((req, res) =>
    sandbox.handle(req, res, () => {
      if (req.url?.startsWith('/api/game/')) {
        const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
        gameProxy ??= companion.toNodeHandler(
          companion.createGameProxy({
            gameUrl: `${origin}/sandbox/scm/api/v1`,
            adminKs: companion.mintKs({ partnerId: 4242, secret, type: 2, userId: 'app-backend' }).ks,
            viewerKs: { partnerId: 4242, secret },
            userDirectory: { serviceUrl: `${origin}/sandbox/api_v3` },
          }),
        );
        return gameProxy!(req, res, () => void res.writeHead(500).end());
      }
      const path = join(app, 'dist', req.url === '/' ? 'index.html' : (req.url ?? '').split('?')[0] as string);
      if (!existsSync(path)) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const browser = await chromium.launch({ executablePath: findChromium() as string, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.body.dataset.loaded === 'yes', undefined, { timeout: 30_000 }).catch((error: Error) => {
      throw new Error(`${error.message}; page problems: ${problems.join(' | ') || 'none'}`);
    });
    const rows = await page.evaluate(() => document.querySelector('kal-leaderboard')?.shadowRoot?.querySelectorAll('tbody tr').length);
    assert.equal(rows, 2); // ranks 2 and 3: 1 and 4 are the sandbox's hidden speakers
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    sandbox.close();
  }
});
