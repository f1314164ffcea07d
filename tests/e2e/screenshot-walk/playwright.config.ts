/**
 * The screenshot walk (scripts/screenshots.mjs): its own config, so the normal e2e run
 * (playwright.config.ts, *.spec.ts) never picks it up. Same browser, server and headers.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/find-chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 4319);

// eslint-disable-next-line no-restricted-syntax -- Playwright reads the config's default export.
export default defineConfig({
  testDir: '.',
  testMatch: '*.shots.ts',
  outputDir: '../../../test-results/screenshots',
  timeout: 900_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    timezoneId: 'Europe/Brussels',
    locale: 'en-GB',
    trace: 'off',
    // A step that cannot happen fails fast instead of waiting for the whole walk's timeout.
    actionTimeout: 15_000,
  },
  webServer: {
    command: `node scripts/serve-e2e.mjs ${port}`,
    cwd: '../../..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
