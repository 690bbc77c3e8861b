// Finds the machine's Chromium (test tools cannot download their own browsers here),
// installing Debian's package when none is present and apt-get is available.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium() {
  return [process.env.CHROME_PATH, ...CANDIDATES].find((path) => path && existsSync(path));
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (!existsSync('/usr/bin/apt-get')) {
    throw new Error('No Chromium found: install Chromium or Chrome, or set CHROME_PATH');
  }
  console.log('Installing Debian chromium (first run only)…');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args) => execFileSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
  const installed = findChromium();
  if (!installed) throw new Error('chromium was installed but not found; set CHROME_PATH');
  return installed;
}
