import path from 'node:path';

import { createDb, type Db } from '@/lib/db/connect';
import { createTestDatabase, type TestDatabase } from '@/testing/db/test-databases';
import type { Delays, Simulator } from '@/sim/index';

import { REPO_ROOT } from './canary-build';
import { startCanaryServer, type CanaryServer } from './canary-server';
import { sessionCookieHeader, type TestUser } from './session-cookie';
import { startSimulatedUpstream } from './simulated-upstream';

/** A load-balanced deployment in miniature: N `next start` replicas of one build on one PostgreSQL, one simulator. */
export interface Replicas {
  /** Replica i listens on ports[i]; a killed one can be started again on its port with restart(i). */
  apps: CanaryServer[];
  sim: Simulator;
  /** The replicas' database, opened here too: to read what they recorded and to mint sessions. */
  db: Db;
  database: TestDatabase;
  /** A session cookie every replica accepts (one SESSION_SECRET, one sessions table). */
  cookieFor(user: TestUser): Promise<string>;
  /** Starts replica i again (after a kill), on the same port and database. */
  restart(i: number): Promise<CanaryServer>;
  close(): Promise<void>;
}

export interface StartReplicasOptions {
  /** Shown in the children's errors and names their log files. */
  name: string;
  /** One port per replica. */
  ports: number[];
  /** Added to every replica's configuration (e.g. CHANGE_APPROVALS). */
  env?: Record<string, string>;
  delays?: Delays;
}

/**
 * Port of the first replica of a suite: `base + offset`, base 4310 (beside the other API suites' 43xx) unless
 * REPLICA_TEST_PORT_BASE moves every replica suite, to run them beside other servers.
 */
export const replicaPort = (offset: number) => Number(process.env.REPLICA_TEST_PORT_BASE ?? 4310) + offset;

/**
 * Starts the replicas together on a fresh database of the test command's PostgreSQL (TEST_DATABASE_URL, or a cluster
 * of this process's own), each running its migrations at start as a real deployment does.
 */
export async function startReplicas(o: StartReplicasOptions): Promise<Replicas> {
  const { sim, sessionSecret, appEnv } = await startSimulatedUpstream({
    delays: o.delays ?? { approveMs: 300, completeMs: 300 },
    oidcClientId: 'cosigner-console-replica-tests',
  });
  const database = await createTestDatabase('postgres');
  const databaseUrl = database.databaseUrl ?? '';
  const db = createDb(database);
  const runs = o.ports.map(() => 0);
  const start = (i: number) => {
    runs[i] = (runs[i] ?? 0) + 1;
    return startCanaryServer({
      name: `next start (${o.name}, replica ${i}, run ${runs[i]})`,
      port: o.ports[i] ?? 0,
      env: { ...appEnv, ...o.env },
      databaseUrl,
      logFile: path.join(REPO_ROOT, 'test-results', 'replicas', `${o.name}-${i}-run${runs[i]}.log`),
    });
  };
  const apps: CanaryServer[] = [];
  const close = async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await sim.close();
    await db.close();
    await database.drop();
  };
  try {
    const started = await Promise.allSettled(o.ports.map((_, i) => start(i)));
    for (const s of started) if (s.status === 'fulfilled') apps.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    await close();
    throw error;
  }
  return {
    apps,
    sim,
    db,
    database,
    cookieFor: (user) =>
      sessionCookieHeader(user, {
        appUrl: apps[0]?.appUrl ?? '',
        secret: sessionSecret,
        dataDir: database.dataDir,
        databaseUrl,
      }),
    restart: async (i) => {
      const app = await start(i);
      apps[i] = app;
      return app;
    },
    close,
  };
}
