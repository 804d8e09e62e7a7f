import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, describe, expect, it } from 'vitest';

import { createDb, type Db } from '@/lib/db/connect';
import { transaction } from '@/lib/db/transaction';
import { freshDbForEachTest } from '@/testing/db/fresh-db';
import type { MigratedTestDb } from '@/testing/db/migrated-test-db';
import { stopOwnPostgres, TEST_ENGINES } from '@/testing/db/test-databases';

import { acquireLease, assertLeaseHeld, LeaseLostError, releaseLease, type LeaseIdentity } from './lease';

// The lease on both engines, each test on a database of its own: one holder at a time, renewal, takeover once it
// lapses (by the database's clock), release, a race of many replicas for one lapsed lease, and the fence a job's
// transaction takes.
afterAll(() => stopOwnPostgres());

const A: LeaseIdentity = { name: 'worker', holder: 'replica-a' };
const B: LeaseIdentity = { name: 'worker', holder: 'replica-b' };

describe.each(TEST_ENGINES)('the lease on %s', (engine) => {
  let fresh: MigratedTestDb;
  let db: Db;
  freshDbForEachTest(engine, (opened) => {
    fresh = opened;
    db = opened.db;
  });
  const row = () => db.kysely.selectFrom('worker_lease').selectAll().where('name', '=', 'worker').executeTakeFirst();

  it('is taken when free, renewed by its holder under the same term, refused to anyone else while held', async () => {
    const taken = await acquireLease(db, A, 60_000);
    expect(taken).toMatchObject({ term: 1 });
    expect(Date.parse(taken?.expiresAt ?? '') - Date.parse(taken?.acquiredAt ?? '')).toBeCloseTo(60_000, -2);
    expect(await acquireLease(db, B, 60_000)).toBeNull();
    const renewed = await acquireLease(db, A, 60_000);
    expect(renewed).toMatchObject({ term: 1, acquiredAt: taken?.acquiredAt });
    expect(Date.parse(renewed?.expiresAt ?? '')).toBeGreaterThanOrEqual(Date.parse(taken?.expiresAt ?? ''));
    expect(await row()).toMatchObject({ holder: 'replica-a', term: 1 });
  });

  it('once lapsed it is taken over under the next term, and its old holder is refused', async () => {
    await acquireLease(db, A, 300);
    expect(await acquireLease(db, B, 300)).toBeNull();
    await sleep(400);
    expect(await acquireLease(db, B, 60_000)).toMatchObject({ term: 2 });
    expect(await acquireLease(db, A, 60_000)).toBeNull();
    expect(await row()).toMatchObject({ holder: 'replica-b', term: 2 });
  });

  it('released, it is free at once; releasing a lease held by another does nothing', async () => {
    await acquireLease(db, A, 60_000);
    await releaseLease(db, B);
    expect(await acquireLease(db, B, 60_000)).toBeNull();
    await releaseLease(db, A);
    expect(await acquireLease(db, B, 60_000)).toMatchObject({ term: 2 });
  });

  it('twenty replicas racing for one lapsed lease, each on its own connection: exactly one takes it', async () => {
    await acquireLease(db, A, 1);
    await sleep(20);
    const replicas = Array.from({ length: 20 }, () => createDb({ ...fresh.location, maxConnections: 1 }));
    try {
      const results = await Promise.all(
        replicas.map((r, i) => acquireLease(r, { name: 'worker', holder: `replica-${i}` }, 60_000)),
      );
      const winners = results.flatMap((held, i) => (held ? [{ i, term: held.term }] : []));
      expect(winners).toHaveLength(1);
      expect(winners[0]?.term).toBe(2);
      expect(await row()).toMatchObject({ holder: `replica-${winners[0]?.i}`, term: 2 });
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
    }
  });

  it("a job's transaction is fenced: it commits only while its holder still holds the lease under its term", async () => {
    const held = await acquireLease(db, A, 300);
    const term = held?.term ?? 0;
    await transaction(db, (tx) => assertLeaseHeld(tx, A, term));
    await expect(transaction(db, (tx) => assertLeaseHeld(tx, A, term + 1))).rejects.toBeInstanceOf(LeaseLostError);
    await sleep(400);
    // Lapsed: even before anyone took it over, the fence refuses.
    await expect(transaction(db, (tx) => assertLeaseHeld(tx, A, term))).rejects.toBeInstanceOf(LeaseLostError);
    await acquireLease(db, B, 60_000);
    await expect(transaction(db, (tx) => assertLeaseHeld(tx, A, term))).rejects.toMatchObject({ code: 'lease_lost' });
  });

  if (engine === 'postgres') {
    it('PostgreSQL: a takeover waits for a fenced transaction of the old holder to commit', async () => {
      await acquireLease(db, A, 300);
      const other = createDb({ ...fresh.location, maxConnections: 1 });
      try {
        let takeover: Promise<unknown> | undefined;
        let tookOverWhileOpen = false;
        await transaction(db, async (tx) => {
          await assertLeaseHeld(tx, A, 1);
          await sleep(400);
          // The lease has lapsed by the clock, but the fenced row is locked FOR SHARE until this commits.
          takeover = acquireLease(other, B, 60_000).then((held) => {
            tookOverWhileOpen = true;
            return held;
          });
          await sleep(300);
          expect(tookOverWhileOpen).toBe(false);
        });
        expect(await takeover).toMatchObject({ term: 2 });
      } finally {
        await other.close();
      }
    });
  }
});
