// `npm test`: builds the kit (the packaging and script-tag tests use dist/), then the Node tests
// (sandbox, server companion, CSP, packed tarball), then the browser tests in Chromium, then the
// visual tests (each element's states against the pictures in test/visual/baselines/).
// Finds (or installs) Chromium first; exits non-zero if anything fails.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const chromePath = ensureChromium();
const env = { ...process.env, CHROME_PATH: chromePath };
const run = (args) => spawnSync('npm', ['run', '--silent', ...args], { stdio: 'inherit', env }).status ?? 1;

const failures = [];
if (run(['build']) !== 0) failures.push('build');
else {
  if (run(['test:node']) !== 0) failures.push('Node tests');
  if (run(['test:browser']) !== 0) failures.push('browser tests');
  if (run(['test:visual']) !== 0) failures.push('visual tests (test/visual/failed/ holds the pictures that differ)');
}
if (failures.length) console.error(`npm test: ${failures.join(', ')} failed`);
process.exit(failures.length ? 1 : 0);
