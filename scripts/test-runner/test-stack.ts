import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ensureDevKeys } from '../dev-keys';
import { REPO_ROOT, startStack, type Stack } from '../dev-stack';

/** Fixed test ports (overridable), away from `npm run dev`'s 3000/4010/4011 and the helpers' ranges. */
export const TEST_PORTS = {
  app: Number(process.env.E2E_APP_PORT ?? 3900),
  sim: Number(process.env.E2E_SIM_PORT ?? 4900),
  idp: Number(process.env.E2E_IDP_PORT ?? 4901),
};

/**
 * The explicit configuration of the test stack: the shell's Fireblocks/OIDC settings are ignored on purpose (a
 * test run never reaches a real sandbox by accident). The build and the server get the same secrets, so a scan of
 * the client bundle for them (tests/security) proves something.
 */
export function testAppEnv(): Record<string, string> {
  const keys = ensureDevKeys();
  return {
    FIREBLOCKS_API_KEY: keys.apiKey,
    FIREBLOCKS_SECRET_KEY: readFileSync(keys.privateKeyPath, 'utf8'),
    SESSION_SECRET: randomBytes(32).toString('base64url'),
  };
}

/** Starts `next start` + simulator + dev IdP for tests; the app's output goes to test-results/stack/app.log. */
export async function startTestStack(env: Record<string, string>): Promise<Stack> {
  return startStack({
    mode: 'prod',
    appPort: TEST_PORTS.app,
    simPort: TEST_PORTS.sim,
    idpPort: TEST_PORTS.idp,
    env,
    // Short lifecycle so journeys reach COMPLETED quickly; each state is still observable.
    sim: { delays: { approveMs: 1500, completeMs: 1500 } },
    appOutput: { file: path.join(REPO_ROOT, 'test-results', 'stack', 'app.log') },
  });
}

/** What integration tests and Playwright read to reuse the running stack instead of starting their own. */
export function testEnvFor(stack: Stack): Record<string, string> {
  return {
    TEST_APP_URL: stack.appUrl,
    TEST_SIM_URL: stack.simUrl ?? '',
    TEST_IDP_URL: stack.idpUrl ?? '',
    TEST_SESSION_SECRET: stack.sessionSecret,
    TEST_BUILD_DIR: path.join(REPO_ROOT, '.next'),
  };
}
