import path from 'node:path';

import { spawnManaged } from '@/scripts/stack/child';
import { waitForHttp } from '@/scripts/stack/wait-http';

import { cleanEnv, ensureCanaryBuild, REPO_ROOT } from './canary-build';

export interface CanaryServer {
  appUrl: string;
  /** Ends the server's process group with this signal at once (SIGKILL: a crash, no shutdown work). */
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

export interface StartCanaryServerOptions {
  /** Shown in the child's errors, e.g. "next start (api tests)". */
  name: string;
  port: number;
  /** The app's configuration; APP_URL is added. */
  env: Record<string, string>;
  logFile: string;
}

/**
 * `next start` of the shared production test build (canary-build.ts) on 127.0.0.1:port, returned once
 * /api/health answers; stopped again if it never does.
 */
export async function startCanaryServer(o: StartCanaryServerOptions): Promise<CanaryServer> {
  const build = await ensureCanaryBuild();
  const appUrl = `http://127.0.0.1:${o.port}`;
  const app = spawnManaged({
    name: o.name,
    command: process.execPath,
    args: [path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', String(o.port), '--hostname', '127.0.0.1'],
    cwd: build.projectDir,
    env: cleanEnv({ ...o.env, APP_URL: appUrl }),
    output: { file: o.logFile },
  });
  try {
    await waitForHttp({ url: `${appUrl}/api/health`, timeoutMs: 60_000, abort: app.exited });
  } catch (error) {
    await app.stop();
    throw error;
  }
  const kill = async (signal: NodeJS.Signals) => {
    try {
      process.kill(-app.pid, signal);
    } catch {
      // Already gone.
    }
    await app.exited;
  };
  return { appUrl, kill, stop: () => app.stop() };
}
