import { afterAll, beforeAll, expect } from 'vitest';

import type { ChangeActor } from '@/lib/change-model/actor-and-reason';
import type { ChangeContext } from '@/lib/changes/change-context';
import type { Db } from '@/lib/db/connect';
import { AppError } from '@/lib/errors/app-error';
import { PREFLIGHT_OFF } from '@/lib/preflight/preflight-policy';
import type { FireblocksClient } from '@/lib/fireblocks/client';
import { stopOwnPostgres, type TestEngine } from '@/testing/db/test-databases';
import { seedSummary, type SimLogEntry, type Simulator } from '@/sim/index';

import { freshDbForEachTest } from '../db/fresh-db';
import { startSimulatedFireblocks } from './simulated-fireblocks';

export const ALICE: ChangeActor = {
  iss: 'https://idp.example',
  sub: 'alice',
  email: 'alice@example.com',
  name: 'Alice',
  role: 'admin',
};
export const BOB: ChangeActor = { ...ALICE, sub: 'bob', email: 'bob@example.com', name: 'Bob' };

export interface ChangeSuite {
  readonly sim: Simulator;
  readonly client: FireblocksClient;
  /** A key of the 250-key cosigner that no earlier test of the file took (each test changes keys of its own). */
  takeKey: () => string;
  /** The PATCHes of one key that reached the simulator. */
  patchesTo: (apiKeyId: string) => SimLogEntry[];
  /**
   * Inside a describe per engine: a fresh migrated database for every test and the change context over it, handed to
   * `use` before the test runs, with the simulator's faults cleared.
   */
  freshContextForEachTest: (engine: TestEngine, use: (fresh: { db: Db; ctx: ChangeContext }) => void) => void;
}

/**
 * The change record suites' world, set up and torn down by the file (beforeAll/afterAll, which also stop the file's
 * own PostgreSQL): the real simulator holding every Fireblocks request for approval until a test moves it on
 * (control routes), so every state is seen, and our client signed as its API user `apiKey`.
 */
export function changeSuite(apiKey: string): ChangeSuite {
  let upstream: { sim: Simulator; client: FireblocksClient } | undefined;
  let keyIds: string[] = [];
  let nextKey = 0;
  const started = () => {
    if (!upstream) throw new Error('the change suite is used before its beforeAll ran');
    return upstream;
  };

  beforeAll(async () => {
    upstream = await startSimulatedFireblocks(apiKey, { approveMs: 600_000, completeMs: 1 });
    const big = seedSummary().bigCosignerId;
    keyIds = (await upstream.client.listApiKeys(big, { pageSize: 100 })).data.data.map((k) => k.id);
  });
  afterAll(async () => {
    await upstream?.sim.close();
    await stopOwnPostgres();
  });

  return {
    get sim() {
      return started().sim;
    },
    get client() {
      return started().client;
    },
    takeKey: () => keyIds[nextKey++] ?? '',
    patchesTo: (apiKeyId) =>
      started()
        .sim.requestLog()
        .filter((e) => e.method === 'PATCH' && e.path.endsWith(apiKeyId)),
    freshContextForEachTest: (engine, use) =>
      freshDbForEachTest(engine, ({ db }) => {
        // Not about the pre-flight check: the suites that are build their context with a policy of their own.
        use({ db, ctx: { db, fireblocks: started().client, preflight: PREFLIGHT_OFF } });
        started().sim.clearFaults();
      }),
  };
}

/** The AppError `promise` is refused with (the test fails if it resolves, or rejects with anything else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
