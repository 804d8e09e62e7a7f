import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './testing/e2e/browser';
import { STANDALONE_APP_URL } from './testing/e2e/standalone-env';

/**
 * The standalone smoke test: the build's `output: 'standalone'` laid out as the Dockerfile does and started as its
 * CMD does (`node server.js`, PORT and HOSTNAME), on the simulator and dev IdP (scripts/serve-standalone-stack.ts),
 * and Chromium signing in and reading through it. Uses the existing build (`npm run build`; npm test's build step).
 */
export default defineConfig({
  testDir: './e2e-standalone',
  outputDir: 'test-results/playwright-standalone',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: STANDALONE_APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: 'npx tsx scripts/serve-standalone-stack.ts',
    url: `${STANDALONE_APP_URL}/api/ready`,
    // Always its own server: something already on this port would be tested in place of the standalone output.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    // SIGTERM lets the stack script stop the server's process group; the default SIGKILL would orphan it.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
