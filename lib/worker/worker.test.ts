import { setTimeout as sleep } from 'node:timers/promises';

import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { createDb, type Db } from '@/lib/db/connect';
import { transaction } from '@/lib/db/transaction';
import { freshDbForEachTest } from '@/testing/db/fresh-db';
import type { MigratedTestDb } from '@/testing/db/migrated-test-db';
import { stopOwnPostgres, TEST_ENGINES } from '@/testing/db/test-databases';

import { readJobStates } from './job-state';
import { createWorker, tickMsFor, type PassOutcome, type Worker, type WorkerJob, type WorkerObserver } from './worker';

// The worker on both engines: two workers (two replicas) on one database, ticked by hand so every step is seen.
afterAll(() => stopOwnPostgres());

const silent = pino({ level: 'silent' });

interface Recorder {
  passes: Array<[string, PassOutcome]>;
  leading: boolean[];
}

function recorder(): Recorder & { observe: WorkerObserver } {
  const r: Recorder = { passes: [], leading: [] };
  return {
    ...r,
    observe: { pass: (job, outcome) => r.passes.push([job, outcome]), leader: (l) => r.leading.push(l) },
  };
}

describe('tickMsFor', () => {
  it('ticks three times per lease and at least as often as the most frequent job', () => {
    const job = (everyMs: number): WorkerJob => ({ name: `j${everyMs}`, everyMs, run: () => Promise.resolve() });
    expect(tickMsFor(15_000, [job(2_000)])).toBe(2_000);
    expect(tickMsFor(3_000, [job(2_000)])).toBe(1_000);
    expect(tickMsFor(15_000, [job(60_000)])).toBe(5_000);
    expect(tickMsFor(15_000, [])).toBe(5_000);
    expect(tickMsFor(30, [job(10)])).toBe(100);
  });
});

describe.each(TEST_ENGINES)('the worker on %s', (engine) => {
  let fresh: MigratedTestDb;
  let db: Db;
  const workers: Worker[] = [];
  const others: Db[] = [];
  freshDbForEachTest(engine, (opened) => {
    fresh = opened;
    db = opened.db;
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop(1_000)));
    await Promise.all(others.splice(0).map((d) => d.close()));
  });

  /** A worker on a connection of its own, as another replica would have. */
  const replica = (jobs: WorkerJob[], leaseTtlMs = 60_000, observe?: WorkerObserver) => {
    const own = createDb({ ...fresh.location, maxConnections: 2 });
    others.push(own);
    const worker = createWorker({ db: own, jobs, leaseTtlMs, log: silent, observe });
    workers.push(worker);
    return worker;
  };

  it('of two replicas exactly one holds the lease and runs the jobs; its stop hands over at the other’s next tick', async () => {
    const ran: string[] = [];
    const job = (who: string): WorkerJob => ({
      name: 'count',
      everyMs: 10,
      run: () => {
        ran.push(who);
        return Promise.resolve();
      },
    });
    const a = replica([job('a')]);
    const b = replica([job('b')]);
    await a.tick();
    await b.tick();
    await Promise.all([a.idle(), b.idle()]);
    expect([a.local().leader, b.local().leader]).toEqual([true, false]);
    expect(ran).toEqual(['a']);

    await a.stop(1_000);
    expect(a.local().leader).toBe(false);
    await b.tick();
    await b.idle();
    expect(b.local()).toMatchObject({ leader: true, term: 2 });
    expect(ran).toEqual(['a', 'b']);
  });

  it('a holder that stops ticking (kill -9) is replaced once its lease lapses, not before', async () => {
    const a = replica([], 400);
    const b = replica([], 400);
    await a.tick();
    await b.tick();
    expect(b.local().leader).toBe(false);
    // `a` is gone without a word: no stop, no release.
    await sleep(200);
    await b.tick();
    expect(b.local().leader).toBe(false);
    await sleep(300);
    await b.tick();
    expect(b.local()).toMatchObject({ leader: true, term: 2 });
    // Were `a` alive after all (a long pause), its next tick learns it lost the lease and aborts its passes.
    await a.tick();
    expect(a.local().leader).toBe(false);
  });

  it('a pass still running when the next is due is skipped, not queued', async () => {
    let release: () => void = () => undefined;
    let started = 0;
    const rec = recorder();
    const slow: WorkerJob = {
      name: 'slow',
      everyMs: 1,
      run: () => {
        started += 1;
        // The first pass runs until released; the next one returns at once.
        return started === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
    };
    const w = replica([slow], 60_000, rec.observe);
    await w.tick();
    await sleep(5);
    await w.tick();
    await sleep(5);
    await w.tick();
    expect(started).toBe(1);
    expect(rec.passes).toEqual([
      ['slow', 'skipped'],
      ['slow', 'skipped'],
    ]);
    release();
    await w.idle();
    await sleep(5);
    await w.tick();
    await w.idle();
    expect(started).toBe(2);
    expect(rec.passes.filter(([, o]) => o === 'ok')).toHaveLength(2);
  });

  it('a failing pass is recorded where every replica reads it, then cleared by the next success', async () => {
    let fail = true;
    const rec = recorder();
    const job: WorkerJob = {
      name: 'flaky',
      everyMs: 1,
      run: () =>
        fail ? Promise.reject(Object.assign(new Error('upstream said no'), { code: 'upstream' })) : Promise.resolve(),
    };
    const w = replica([job], 60_000, rec.observe);
    await w.tick();
    await w.idle();
    const [failed] = await readJobStates(db);
    expect(failed).toMatchObject({
      name: 'flaky',
      everyMs: 1,
      lastOkAt: null,
      lastError: { code: 'upstream', message: 'upstream said no', at: expect.any(String) as unknown },
    });
    expect(rec.passes).toEqual([['flaky', 'error']]);

    fail = false;
    await sleep(5);
    await w.tick();
    await w.idle();
    const [ok] = await readJobStates(db);
    expect(ok).toMatchObject({ lastError: null, lastOkAt: ok?.lastPassAt });
    expect(Date.parse(ok?.nextPassAt ?? '')).toBeGreaterThan(Date.parse(failed?.lastPassAt ?? '') - 1);
  });

  it('a pass learns of a lost lease through its signal, and its fenced write is refused', async () => {
    let seen: { aborted: boolean; fenced: unknown } | undefined;
    let proceed: () => void = () => undefined;
    const job: WorkerJob = {
      name: 'fenced',
      everyMs: 60_000,
      run: async ({ signal, assertLeader }) => {
        await new Promise<void>((resolve) => (proceed = resolve));
        const fenced = await transaction(db, (tx) => assertLeader(tx)).then(
          () => 'committed',
          (e: unknown) => e,
        );
        seen = { aborted: signal.aborted, fenced };
      },
    };
    const a = replica([job], 300);
    const b = replica([], 300);
    await a.tick();
    await sleep(400);
    await b.tick();
    expect(b.local().leader).toBe(true);
    await a.tick();
    proceed();
    await a.idle();
    expect(seen?.aborted).toBe(true);
    expect(seen?.fenced).toMatchObject({ code: 'lease_lost' });
    // The aborted pass leaves no record: the job's state belongs to the new holder's passes.
    expect(await readJobStates(db)).toEqual([]);
  });

  it('start() runs on its own timer; stop() aborts the running pass and releases the lease', async () => {
    let aborted = false;
    const job: WorkerJob = {
      name: 'long',
      everyMs: 50,
      run: ({ signal }) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          }),
        ),
    };
    const a = replica([job], 300);
    a.start();
    for (let i = 0; i < 50 && a.local().running.length === 0; i++) await sleep(20);
    expect(a.local()).toMatchObject({ leader: true, running: ['long'] });
    await a.stop(1_000);
    expect(aborted).toBe(true);
    const lease = await db.kysely.selectFrom('worker_lease').selectAll().executeTakeFirst();
    expect(Date.parse(lease?.expires_at ?? '')).toBeLessThanOrEqual(Date.now() + 5);
  });
});
