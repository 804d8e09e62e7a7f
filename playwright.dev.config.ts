import path from 'node:path';

import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './testing/e2e/browser';
import { DEV_SMOKE_APP_URL, DEV_SMOKE_PORTS } from './testing/e2e/dev-smoke-env';
import { ensureDevKeys } from './stack/dev-keys';
import { APP_ENV_NAMES } from './stack/resolve-env';

/**
 * The dev-mode smoke test: the real `npm run dev` (scripts/dev.ts: `next dev`, simulator, dev IdP) on its own
 * ports, and Chromium checking that its pages show their content and then stay put. Kept apart from
 * playwright.config.ts, whose journeys run against the production build.
 */

// Its own API user in the git-ignored test-results/, so it never touches a developer's .dev/ key.
const keys = ensureDevKeys({ dir: path.join(import.meta.dirname, 'test-results', 'dev-smoke', 'keys') });
// The shell's app settings are cleared (empty means unset to scripts/dev.ts): only the embedded defaults run here.
const cleared = Object.fromEntries(APP_ENV_NAMES.map((name) => [name, '']));

export default defineConfig({
  testDir: './e2e-dev',
  outputDir: 'test-results/playwright-dev',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  // The first request to each page compiles it; on two busy cores that can take minutes.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: DEV_SMOKE_APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: 'npm run dev',
    url: `${DEV_SMOKE_APP_URL}/api/health`,
    // Always its own server: a dev server already on this port would be tested in place of the command.
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    env: {
      ...cleared,
      FIREBLOCKS_API_KEY: keys.apiKey,
      FIREBLOCKS_SECRET_KEY_PATH: keys.privateKeyPath,
      PORT: String(DEV_SMOKE_PORTS.app),
      SIM_PORT: String(DEV_SMOKE_PORTS.sim),
      IDP_PORT: String(DEV_SMOKE_PORTS.idp),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    // SIGTERM lets scripts/dev.ts stop next's own process group; the default SIGKILL would orphan it.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
