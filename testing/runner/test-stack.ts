import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { REPO_ROOT, startStack, type Stack } from '../../stack/dev-stack';

/** Fixed test ports (overridable), away from `npm run dev`'s 3000/4010/4011 and the integration suites' own ports. */
export const TEST_PORTS = {
  app: Number(process.env.E2E_APP_PORT ?? 3900),
  sim: Number(process.env.E2E_SIM_PORT ?? 4900),
  idp: Number(process.env.E2E_IDP_PORT ?? 4901),
};

const APP_LOG = path.join(REPO_ROOT, 'test-results', 'stack', 'app.log');

/**
 * The explicit configuration of the test stack, made fresh per run: a throwaway RSA-4096 API user (registered with
 * the embedded simulator) and canary secrets. The shell's Fireblocks/OIDC settings are ignored on purpose, so a
 * test run never reaches a real sandbox by accident. The build gets the same values as the server, so a scan of
 * the client bundle for them (tests/security) proves something without a second build. The app's embedded
 * database is a fresh folder per run, never the developer's `.data/`.
 */
export function testAppEnv(): Record<string, string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 4096 });
  // TEST_DATA_DIR: the folder Playwright's own webServer stack was told to use, so its tests can find the database.
  const dataDir = process.env.TEST_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'cosigner-test-data-'));
  if (!process.env.TEST_DATA_DIR) process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  return {
    FIREBLOCKS_API_KEY: randomUUID(),
    FIREBLOCKS_SECRET_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    // TEST_SESSION_SECRET: the one Playwright's own webServer stack was given, so its tests can mint sessions.
    SESSION_SECRET: process.env.TEST_SESSION_SECRET ?? `canary-session-${randomBytes(24).toString('hex')}`,
    OIDC_CLIENT_SECRET: `canary-oidc-${randomBytes(24).toString('hex')}`,
    DATA_DIR: dataDir,
  };
}

export interface StackPorts {
  app: number;
  sim: number;
  idp: number;
}

/** Starts `next start` + simulator + dev IdP for tests; the app's output goes to test-results/stack/app.log. */
export async function startTestStack(env: Record<string, string>, ports: StackPorts = TEST_PORTS): Promise<Stack> {
  return startStack({
    mode: 'prod',
    appPort: ports.app,
    simPort: ports.sim,
    idpPort: ports.idp,
    env,
    // Short lifecycle so journeys reach COMPLETED quickly; each state is still observable.
    sim: { delays: { approveMs: 1500, completeMs: 1500 } },
    appOutput: {
      file: ports === TEST_PORTS ? APP_LOG : path.join(REPO_ROOT, 'test-results', 'stack', `app-${ports.app}.log`),
    },
  });
}

/**
 * What integration tests and Playwright read to reuse the running stack instead of starting their own, including
 * the build this run made (TEST_BUILD_*) and the secrets it was made with, for the client-bundle canary scan.
 */
export function testEnvFor(stack: Stack, appEnv: Record<string, string>): Record<string, string> {
  return {
    TEST_APP_URL: stack.appUrl,
    TEST_SIM_URL: stack.simUrl ?? '',
    TEST_IDP_URL: stack.idpUrl ?? '',
    TEST_SESSION_SECRET: stack.sessionSecret,
    // The app's SQLite folder: suites write session rows there to mint cookies (testing/app/session-cookie.ts)
    // and add audit events through lib/audit as the app does.
    TEST_DATA_DIR: appEnv.DATA_DIR ?? '',
    TEST_APP_LOG: APP_LOG,
    TEST_BUILD_PROJECT_DIR: REPO_ROOT,
    TEST_BUILD_DIR: path.join(REPO_ROOT, '.next'),
    TEST_BUILD_CANARIES: JSON.stringify({
      sessionSecret: appEnv.SESSION_SECRET,
      oidcClientSecret: appEnv.OIDC_CLIENT_SECRET,
      fireblocksSecretKeyPem: appEnv.FIREBLOCKS_SECRET_KEY,
    }),
  };
}
