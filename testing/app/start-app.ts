import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './canary-build';
import { startCanaryServer } from './canary-server';
import { startSimulatedUpstream } from './simulated-upstream';

export interface TestApp {
  appUrl: string;
  /** The simulator's origin; its `/_sim/*` control routes live here. */
  simUrl: string;
  /** What the app seals session cookies with. */
  sessionSecret: string;
  /** The app's DATA_DIR: its SQLite database, where minted sessions' rows go (testing/app/session-cookie.ts). */
  dataDir: string;
  /** The app server's output so far, when this run can see it. */
  readLog(): string | undefined;
  close(): Promise<void>;
}

export interface StartTestAppOptions {
  /**
   * Port for a server of our own (one per test file, so files can run in parallel); the simulator's is random.
   * TEST_APP_PORT overrides it, to run one file alone beside other servers.
   */
  port: number;
  /**
   * Configuration this file needs that differs from the defaults the runner's stack runs with (e.g.
   * `CHANGE_APPROVALS: '0'`): given, the file always starts a server of its own with it.
   */
  env?: Record<string, string>;
}

/**
 * The running app the API tests talk to. When the test runner already started one (TEST_APP_URL, TEST_SIM_URL,
 * TEST_SESSION_SECRET, TEST_DATA_DIR, optionally TEST_APP_LOG), that one; otherwise a production server of our own: the canary
 * build under `next start`, against a simulator started here on a random port with a freshly generated API key.
 */
export async function startTestApp(o: StartTestAppOptions): Promise<TestApp> {
  const { TEST_APP_URL, TEST_SIM_URL, TEST_SESSION_SECRET, TEST_DATA_DIR, TEST_APP_LOG, TEST_APP_PORT } = process.env;
  const port = TEST_APP_PORT ? Number(TEST_APP_PORT) : o.port;
  if (TEST_APP_URL && TEST_SIM_URL && TEST_SESSION_SECRET && TEST_DATA_DIR && !o.env) {
    return {
      appUrl: TEST_APP_URL.replace(/\/+$/, ''),
      simUrl: TEST_SIM_URL.replace(/\/+$/, ''),
      sessionSecret: TEST_SESSION_SECRET,
      dataDir: TEST_DATA_DIR,
      readLog: () => (TEST_APP_LOG && existsSync(TEST_APP_LOG) ? readFileSync(TEST_APP_LOG, 'utf8') : undefined),
      close: () => Promise.resolve(),
    };
  }

  const { sim, sessionSecret, appEnv } = await startSimulatedUpstream({
    delays: { approveMs: 300, completeMs: 300 },
    oidcClientId: 'cosigner-console-api-tests',
  });
  const logFile = path.join(REPO_ROOT, 'test-results', 'api', `app-${port}.log`);
  const app = await startCanaryServer({
    name: 'next start (api tests)',
    port,
    env: { ...appEnv, ...o.env },
    logFile,
  }).catch(async (error: unknown) => {
    await sim.close();
    throw error;
  });
  const close = async () => {
    await app.stop();
    await sim.close();
  };
  return {
    appUrl: app.appUrl,
    simUrl: sim.url,
    sessionSecret,
    dataDir: app.dataDir,
    readLog: () => readFileSync(logFile, 'utf8'),
    close,
  };
}
