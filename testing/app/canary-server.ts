import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { spawnManaged } from '@/stack/child';
import { APP_KEEP_ALIVE_MS } from '@/stack/keep-alive';
import { waitForHttp } from '@/stack/wait-http';

import { cleanEnv, ensureCanaryBuild, REPO_ROOT } from './canary-build';

export interface CanaryServer {
  appUrl: string;
  /** The app's DATA_DIR (its SQLite database): a fresh folder removed on stop, unless the caller gave it. */
  dataDir: string;
  /** Ends the server's process group with this signal at once (SIGKILL: a crash, no shutdown work); keeps the data. */
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

export interface StartCanaryServerOptions {
  /** Shown in the child's errors, e.g. "next start (api tests)". */
  name: string;
  port: number;
  /** The app's configuration; APP_URL and DATA_DIR are added. */
  env: Record<string, string>;
  logFile: string;
  /** An existing DATA_DIR to start on (a restart on the same database, a bench's seeded events); the caller removes it. */
  dataDir?: string;
  /** A PostgreSQL database instead of the embedded one (the bench's PostgreSQL run); never taken from the shell. */
  databaseUrl?: string;
}

/**
 * `next start` of the shared production test build (canary-build.ts) on 127.0.0.1:port, on an embedded database of
 * its own (never the developer's `.data/` nor a DATABASE_URL from the shell), returned once /api/health answers;
 * stopped again if it never does.
 */
export async function startCanaryServer(o: StartCanaryServerOptions): Promise<CanaryServer> {
  const build = await ensureCanaryBuild();
  const appUrl = `http://127.0.0.1:${o.port}`;
  const dataDir = o.dataDir ?? mkdtempSync(path.join(tmpdir(), 'cosigner-test-data-'));
  const removeData = () => (o.dataDir ? undefined : rmSync(dataDir, { recursive: true, force: true }));
  // NEXT_MANUAL_SIG_HANDLE as `npm start` sets it: SIGTERM drains the app (lib/lifecycle/drain.ts).
  const { DATABASE_URL: _shellDatabase, ...cleaned } = cleanEnv({
    NEXT_MANUAL_SIG_HANDLE: '1',
    ...o.env,
    APP_URL: appUrl,
    DATA_DIR: dataDir,
  });
  const env = o.databaseUrl ? { ...cleaned, DATABASE_URL: o.databaseUrl } : cleaned;
  const app = spawnManaged({
    name: o.name,
    command: process.execPath,
    args: [
      path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'),
      'start',
      '--port',
      String(o.port),
      '--hostname',
      '127.0.0.1',
      '--keepAliveTimeout',
      String(APP_KEEP_ALIVE_MS),
    ],
    cwd: build.projectDir,
    env,
    output: { file: o.logFile },
  });
  try {
    await waitForHttp({ url: `${appUrl}/api/health`, timeoutMs: 60_000, abort: app.exited });
  } catch (error) {
    await app.stop();
    removeData();
    throw error;
  }
  return {
    appUrl,
    dataDir,
    kill: async (signal) => {
      try {
        process.kill(-app.pid, signal);
      } catch {
        // Already gone.
      }
      await app.exited;
    },
    stop: async () => {
      await app.stop();
      removeData();
    },
  };
}
