import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createDb, type Db } from '@/lib/db/connect';
import { AppError } from '@/lib/errors/app-error';
import { openMigratedTestDb, type MigratedTestDb } from '@/scripts/test-runner/migrated-test-db';
import { stopOwnPostgres, TEST_ENGINES } from '@/scripts/test-runner/test-databases';

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

  it('allows 5 changes a minute per user, then refuses with the seconds left in the window', async () => {
    const limiter = limiterOn(test.db);
    const taken = [];
    for (let i = 0; i < 5; i++) taken.push(await limiter.take('alice'));
    expect(taken).toEqual([4, 3, 2, 1, 0].map((remaining) => ({ ok: true, remaining })));
    const refused = await limiter.take('alice');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterSec).toBeGreaterThanOrEqual(59);
    expect(!refused.ok && refused.retryAfterSec).toBeLessThanOrEqual(60);
  });

  it('keeps users apart', async () => {
    const limiter = limiterOn(test.db, { name: 'one', points: 1, durationSec: 60 });
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
    const a = limiterOn(test.db, { name: 'burst', points: 10, durationSec: 60 });
    const b = limiterOn(sameDatabaseElsewhere(), { name: 'burst', points: 10, durationSec: 60 });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).take('alice')));
    expect(answers.filter((r) => r.ok)).toHaveLength(10);
  });

  it('starts a new window when the old one ends', async () => {
    const limiter = limiterOn(test.db, { name: 'short', points: 1, durationSec: 1 });
    expect((await limiter.take('alice')).ok).toBe(true);
    expect(await limiter.take('alice')).toEqual({ ok: false, retryAfterSec: 1 });
    await sleep(1_100);
    expect((await limiter.take('alice')).ok).toBe(true);
  });

  it('enforceRateLimit throws a 429 AppError carrying retryAfter', async () => {
    const limiter = limiterOn(test.db, { name: 'one', points: 1, durationSec: 30 });
    await enforceRateLimit(limiter, 'alice');
    const thrown = await enforceRateLimit(limiter, 'alice').catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 30 });
  });
});
