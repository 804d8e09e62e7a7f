import 'server-only';

import {
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterStoreAbstract,
} from 'rate-limiter-flexible';

import { getDb, type Db } from '@/lib/db';
import { openSqliteConnection } from '@/lib/db/connect';
import { AppError } from '@/lib/errors/app-error';

/** A fixed-window limit: `points` requests per `durationSec` per key, the window starting at the key's first request. */
export interface RateLimitRule {
  /** Keeps the rule's counters apart from other rules' in the shared table. */
  name: string;
  points: number;
  durationSec: number;
}

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSec: number };

export interface RateLimiter {
  /** Takes one point for `key`, or says how many whole seconds until the window ends. */
  take(key: string): Promise<RateLimitResult>;
  /** Closes the SQLite connection the limiter opened; nothing for PostgreSQL (the pool is the app's). */
  close(): void;
}

/** Created by migration 0002_rate_limits, so the stores never create tables themselves at run time. */
const RATE_LIMIT_TABLE = 'rate_limits';

/**
 * A limiter whose counters live in the console's database (rate-limiter-flexible's PostgreSQL or SQLite store), so
 * every replica on one PostgreSQL counts against the same limit, and a restart does not reset it. SQLite gets a
 * connection of its own: the store needs a better-sqlite3 handle, which Kysely's dialect does not give out.
 */
export function createRateLimiter(db: Db, rule: RateLimitRule): RateLimiter {
  const common = {
    keyPrefix: rule.name,
    points: rule.points,
    duration: rule.durationSec,
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
  };
  let store: RateLimiterStoreAbstract;
  let close = () => {};
  if (db.engine === 'postgres') {
    store = new RateLimiterPostgres({ ...common, storeClient: db.pool, storeType: 'pool' });
  } else {
    const connection = openSqliteConnection(db.file);
    store = new RateLimiterSQLite({ ...common, storeClient: connection, storeType: 'better-sqlite3' });
    close = () => connection.close();
  }
  return {
    async take(key) {
      try {
        const res = await store.consume(key);
        return { ok: true, remaining: res.remainingPoints };
      } catch (rejection) {
        // The store rejects with a RateLimiterRes when over the limit, with an Error when the database failed.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { ok: false, retryAfterSec: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    },
    close,
  };
}

/** Throws a 429 AppError (with `retryAfter`, which the route wrapper sends as `Retry-After`) when over. */
export async function enforceRateLimit(limiter: RateLimiter, key: string): Promise<void> {
  const result = await limiter.take(key);
  if (result.ok) return;
  throw new AppError({
    status: 429,
    code: 'rate_limited',
    message: `Too many callback handler changes; try again in ${result.retryAfterSec} s.`,
    retryAfter: result.retryAfterSec,
  });
}

/**
 * Callback-handler changes per signed-in user: 5 per minute. Each accepted change starts an approval in Fireblocks,
 * so more than a few a minute is a script gone wrong, not a person. Only requests that passed validation take a
 * point: bad input never reaches Fireblocks and is answered 400 regardless.
 */
export const CALLBACK_UPDATE_RULE: RateLimitRule = { name: 'callback_update', points: 5, durationSec: 60 };

let current: { db: Db; limiter: RateLimiter } | undefined;

/** The process's callback-update limiter, on the process-wide database (a new one if that was closed and reopened). */
export function callbackUpdateLimiter(): RateLimiter {
  const db = getDb();
  if (current?.db !== db) {
    current?.limiter.close();
    current = { db, limiter: createRateLimiter(db, CALLBACK_UPDATE_RULE) };
  }
  return current.limiter;
}
