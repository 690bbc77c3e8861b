// `npm test`: Node tests (sandbox, server companion) then browser tests in Chromium.
// Finds (or installs) Chromium first; exits non-zero if anything fails.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const chromePath = ensureChromium();
const env = { ...process.env, CHROME_PATH: chromePath };
const run = (args) => spawnSync('npm', ['run', '--silent', ...args], { stdio: 'inherit', env }).status ?? 1;

const node = run(['test:node']);
const browser = run(['test:browser']);
if (node !== 0) console.error('Node tests failed');
if (browser !== 0) console.error('Browser tests failed');
process.exit(node || browser);
