import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createDb, type Db } from '@/lib/db/connect';
import { AppError } from '@/lib/errors/app-error';
import { openMigratedTestDb, type MigratedTestDb } from '@/testing/db/migrated-test-db';
import { stopOwnPostgres, TEST_ENGINES } from '@/testing/db/test-databases';

import { CALLBACK_UPDATE_RULE, createRateLimiter, enforceRateLimit, type RateLimiter } from './rate-limit';

afterAll(stopOwnPostgres);

describe.each(TEST_ENGINES)('rate limiter on %s', (engine) => {
  let test: MigratedTestDb;
  const opened: RateLimiter[] = [];
  const others: Db[] = [];
  const limiterOn = (db: Db, rule = CALLBACK_UPDATE_RULE) => {
    const limiter = createRateLimiter(db, rule);
    opened.push(limiter);
    return limiter;
  };
  /** A second process's view of the same database: its own connection (pool), as another replica has. */
  const sameDatabaseElsewhere = () => {
    const db = createDb(test.location);
    others.push(db);
    return db;
  };

  beforeEach(async () => {
    test = await openMigratedTestDb(engine);
  });
  afterEach(async () => {
    for (const limiter of opened.splice(0)) limiter.close();
    for (const db of others.splice(0)) await db.close();
    await test.close();
  });

  it('allows a burst of 5 changes per user, then refuses with the seconds until the next one (12 s at most)', async () => {
    const limiter = limiterOn(test.db);
    const taken = [];
    for (let i = 0; i < 5; i++) taken.push(await limiter.take('alice'));
    expect(taken).toEqual(Array.from({ length: 5 }, () => ({ ok: true })));
    const refused = await limiter.take('alice');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterSec).toBeGreaterThanOrEqual(11);
    expect(!refused.ok && refused.retryAfterSec).toBeLessThanOrEqual(12);
  });

  it('after a burst, allows one more per interval while the burst has not come back', async () => {
    const limiter = limiterOn(test.db, { name: 'drip', burst: 3, everySec: 1 });
    for (let i = 0; i < 3; i++) expect((await limiter.take('alice')).ok).toBe(true);
    expect(await limiter.take('alice')).toEqual({ ok: false, retryAfterSec: 1 });
    await sleep(1_100);
    expect((await limiter.take('alice')).ok).toBe(true);
    expect((await limiter.take('alice')).ok).toBe(false);
  });

  it('keeps users apart', async () => {
    const limiter = limiterOn(test.db, { name: 'one', burst: 1, everySec: 60 });
    expect((await limiter.take('alice')).ok).toBe(true);
    expect((await limiter.take('alice')).ok).toBe(false);
    expect((await limiter.take('bob')).ok).toBe(true);
  });

  it('counts in the database: limiters on two connections to it (two replicas) share one limit', async () => {
    const a = limiterOn(test.db);
    const b = limiterOn(sameDatabaseElsewhere());
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await (i % 2 === 0 ? a : b).take('alice')).ok);
    expect(answers).toEqual([true, true, true, true, true, false]);
    expect((await a.take('alice')).ok).toBe(false);
  });

  it('counts concurrent takes exactly', async () => {
    const a = limiterOn(test.db, { name: 'concurrent', burst: 10, everySec: 60 });
    const b = limiterOn(sameDatabaseElsewhere(), { name: 'concurrent', burst: 10, everySec: 60 });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).take('alice')));
    expect(answers.filter((r) => r.ok)).toHaveLength(10);
  });

  it('enforceRateLimit throws a 429 AppError carrying retryAfter', async () => {
    const limiter = limiterOn(test.db, { name: 'one', burst: 1, everySec: 30 });
    await enforceRateLimit(limiter, 'alice');
    const thrown = await enforceRateLimit(limiter, 'alice').catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 30 });
  });
});
