import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { spawnManaged } from '@/scripts/stack/child';
import { waitForHttp } from '@/scripts/stack/wait-http';

import { cleanEnv, ensureCanaryBuild, REPO_ROOT } from './canary-build';

export interface CanaryServer {
  appUrl: string;
  /** The app's DATA_DIR (its SQLite database), a fresh folder removed on stop. */
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartCanaryServerOptions {
  /** Shown in the child's errors, e.g. "next start (api tests)". */
  name: string;
  port: number;
  /** The app's configuration; APP_URL and DATA_DIR are added. */
  env: Record<string, string>;
  logFile: string;
  /** An embedded database folder the caller prepared and removes itself (a bench's seeded events); else a fresh one. */
  dataDir?: string;
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
  const { DATABASE_URL: _shellDatabase, ...env } = cleanEnv({ ...o.env, APP_URL: appUrl, DATA_DIR: dataDir });
  const app = spawnManaged({
    name: o.name,
    command: process.execPath,
    args: [path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', String(o.port), '--hostname', '127.0.0.1'],
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
    stop: async () => {
      await app.stop();
      removeData();
    },
  };
}
