import path from 'node:path';

import { z } from 'zod';

/** Ports of the stack Playwright starts itself (webServer) when no runner provided one. */
const OWN = {
  app: process.env.E2E_APP_PORT ?? '3900',
  sim: process.env.E2E_SIM_PORT ?? '4900',
  idp: process.env.E2E_IDP_PORT ?? '4901',
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** e2e resets data and injects faults: refuse anything but a local app and simulator. */
const localUrl = z
  .url()
  .refine(
    (u) => LOOPBACK.has(new URL(u).hostname),
    'must be a loopback URL (e2e never runs against a shared or real backend)',
  );

const schema = z.object({
  TEST_APP_URL: localUrl.default(`http://localhost:${OWN.app}`),
  TEST_SIM_URL: localUrl.default(`http://127.0.0.1:${OWN.sim}`),
  TEST_IDP_URL: localUrl.default(`http://127.0.0.1:${OWN.idp}`),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** The app's database folder: the runner's, or the one playwright.config.ts gives the stack it starts itself. */
  TEST_DATA_DIR: z.string().default(path.resolve('test-results', 'stack', `data-${OWN.app}`)),
  /**
   * The app's SESSION_SECRET, to mint a second admin's session in its database (testing/e2e/sessions.ts): the runner's, or
   * the one playwright.config.ts gives the loopback stack it starts itself.
   */
  TEST_SESSION_SECRET: z.string().min(32).default(`e2e-own-stack-session-secret-${OWN.app}-loopback-only`),
  CI: z.string().optional(),
});

const parsed = schema.safeParse(
  Object.fromEntries(Object.entries(process.env).map(([k, v]) => [k, v === '' ? undefined : v])),
);
if (!parsed.success) {
  throw new Error(
    `e2e environment is invalid:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
  );
}

export const e2eEnv = parsed.data;
/** True when nothing provided a stack: playwright.config.ts then starts one (npx playwright test alone). */
export const startsOwnStack = !process.env.TEST_APP_URL;
export const ownPorts = OWN;
