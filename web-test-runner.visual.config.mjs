// Visual regression tests (test/visual/): each element in each of its states, light and dark, left-to-right
// and right-to-left, 1024 and 375 px wide, compared with the pictures in test/visual/baselines/. The same
// server (sandbox, demo backend) as the browser tests; a browser set up for repeatable pictures.
// `npm run test:visual` compares; `npm run test:visual:update` writes the baselines again.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { existsSync, rmSync } from 'node:fs';
import base, { launchOptions } from './web-test-runner.config.mjs';

// The pictures are drawn in Debian's DejaVu Sans (test/visual/sheet.ts): without it every picture would differ.
const FONT_FILES = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];
if (!FONT_FILES.every((file) => existsSync(file))) {
  throw new Error('The visual tests need Debian\'s fonts-dejavu-core: apt-get install fonts-dejavu-core (.ci/run installs it)');
}

const update = process.argv.includes('--update-visual-baseline');
// Only this run's failures are left to look at.
rmSync(new URL('./test/visual/failed', import.meta.url), { recursive: true, force: true });

export default {
  ...base,
  files: 'test/visual/**/*.test.ts',
  // One picture waits on every state of an element (an error after its retries): more than a unit test.
  testFramework: { config: { timeout: 60_000 } },
  plugins: [
    ...base.plugins,
    visualRegressionPlugin({
      update,
      baseDir: 'test/visual',
      getBaselineName: ({ name }) => `baselines/${name}`,
      // Failed pictures and their diffs (red where pixels differ) go to an ignored folder.
      getFailedName: ({ name }) => `failed/${name}`,
      getDiffName: ({ name }) => `failed/${name}-diff`,
      // A pixel counts as changed past pixelmatch's colour distance of 0.03 (about 8 levels of grey);
      // pixels pixelmatch takes for anti-aliasing never count. A picture fails past 40 changed pixels: the
      // same Chromium and fonts draw the same pixels (0 apart run to run), while a colour, a padding or a
      // missing icon changes hundreds or more.
      diffOptions: { threshold: 0.03 },
      failureThresholdType: 'pixel',
      failureThreshold: 40,
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        ...launchOptions,
        // Text drawn the same on every machine with the same fonts: no hinting or LCD anti-aliasing, sRGB, no scrollbars.
        args: [...launchOptions.args, '--font-render-hinting=none', '--disable-lcd-text', '--force-color-profile=srgb', '--hide-scrollbars'],
      },
      // Dates in one time zone and one default language, whatever the machine's; reduced motion (the tests set it per page too).
      createBrowserContext: ({ browser }) => browser.newContext({ timezoneId: 'UTC', locale: 'en-US', reducedMotion: 'reduce', deviceScaleFactor: 1 }),
    }),
  ],
};
