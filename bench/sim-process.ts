import path from 'node:path';

import { spawnManaged } from '@/stack/child';
import { waitForHttp } from '@/stack/wait-http';

import { REPO_ROOT } from '../testing/app/canary-build';

export interface SimProcess {
  /** API base including /v1. */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The simulator in a process of its own (its command line, sim/cli.ts), as Fireblocks is to both sides of a latency
 * comparison: in the bench's own process it would answer the SDK without a wake-up across processes, which a real
 * upstream never does, and share the bench's event loop with the client it is measured against.
 */
export async function startSimProcess(o: { port: number; apiKey: string; publicKeyPath: string }): Promise<SimProcess> {
  const sim = spawnManaged({
    name: 'simulator (bench)',
    command: process.execPath,
    args: [
      '--import',
      'tsx',
      'sim/cli.ts',
      '--port',
      String(o.port),
      '--host',
      '127.0.0.1',
      '--api-user',
      `${o.apiKey}=${o.publicKeyPath}`,
    ],
    cwd: REPO_ROOT,
    env: process.env,
    output: { file: path.join(REPO_ROOT, 'test-results', 'bench', 'proxy-sim.log') },
  });
  const origin = `http://127.0.0.1:${o.port}`;
  try {
    await waitForHttp({ url: `${origin}/_sim/seed`, timeoutMs: 30_000, abort: sim.exited });
  } catch (error) {
    await sim.stop();
    throw error;
  }
  return { baseUrl: `${origin}/v1`, stop: () => sim.stop() };
}
