import { defineConfig, devices } from '@playwright/test';

import { chromiumLaunchOptions } from './testing/e2e/browser';
import { e2eEnv, ownPorts, startsOwnStack } from './testing/e2e/e2e-env';

const CI = Boolean(e2eEnv.CI);

/**
 * Journeys in Debian's Chromium (Playwright's own browser download is blocked here) against a real stack:
 * `next start` + simulator + dev IdP, started by `npm test` / `npm run test:e2e`, or by `webServer` below when
 * `npx playwright test` runs alone. The `setup` project signs each role in through the IdP's real login form once.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results/playwright',
  forbidOnly: CI,
  retries: 0,
  // Two cores shared with the app, the simulator and the IdP: one worker keeps timings honest and data isolated.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: e2eEnv.TEST_APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: chromiumLaunchOptions(e2eEnv.CHROMIUM_PATH),
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    {
      name: 'chromium',
      testMatch: /\.spec\.ts$/,
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'] },
    },
  ],
  webServer: startsOwnStack
    ? {
        command: `npx tsx scripts/serve-test-stack.ts`,
        env: { TEST_DATA_DIR: e2eEnv.TEST_DATA_DIR, TEST_SESSION_SECRET: e2eEnv.TEST_SESSION_SECRET },
        url: `http://localhost:${ownPorts.app}/api/health`,
        reuseExistingServer: !CI,
        timeout: 240_000,
        // SIGTERM lets the stack script stop the app's own process group; the default SIGKILL would orphan it.
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      }
    : undefined,
});
