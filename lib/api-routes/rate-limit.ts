import 'server-only';

import { BurstyRateLimiter, RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';

import { getDb, type Db } from '@/lib/db';
import { openSqliteConnection } from '@/lib/db/connect';
import { AppError } from '@/lib/errors/app-error';

/**
 * A burst of `burst` requests per key, then one every `everySec`: close to a token bucket, built from the library's
 * fixed windows (BurstyRateLimiter): one request per `everySec` window, and `burst - 1` extra ones per
 * `burst * everySec` window for when the first is used up.
 */
export interface RateLimitRule {
  /** Keeps the rule's counters apart from other rules' in the shared table. */
  name: string;
  burst: number;
  everySec: number;
}

type RateLimitResult = { ok: true } | { ok: false; retryAfterSec: number };

export interface RateLimiter {
  /** Takes one request for `key`, or says how many whole seconds until the next one is allowed. */
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
  let close = () => {};
  let storeOf: (keyPrefix: string, points: number, duration: number) => RateLimiterPostgres | RateLimiterSQLite;
  const common = (keyPrefix: string, points: number, duration: number) => ({
    keyPrefix,
    points,
    duration,
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
  });
  if (db.engine === 'postgres') {
    const pool = db.pool;
    storeOf = (...a) => new RateLimiterPostgres({ ...common(...a), storeClient: pool, storeType: 'pool' });
  } else {
    const connection = openSqliteConnection(db.file);
    storeOf = (...a) =>
      new RateLimiterSQLite({ ...common(...a), storeClient: connection, storeType: 'better-sqlite3' });
    close = () => connection.close();
  }
  const store = new BurstyRateLimiter(
    storeOf(rule.name, 1, rule.everySec),
    storeOf(`${rule.name}_burst`, rule.burst - 1, rule.burst * rule.everySec),
  );
  return {
    async take(key) {
      try {
        await store.consume(key);
        return { ok: true };
      } catch (rejection) {
        // The store rejects with a RateLimiterRes when over the limit, with an Error when the database failed.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { ok: false, retryAfterSec: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    },
    close,
  };
}

/**
 * Throws a 429 AppError (with `retryAfter`, which the route wrapper sends as `Retry-After`) when over; `what` names
 * what was asked too often, for the message.
 */
export async function enforceRateLimit(
  limiter: RateLimiter,
  key: string,
  what = 'callback handler changes',
): Promise<void> {
  const result = await limiter.take(key);
  if (result.ok) return;
  throw new AppError({
    status: 429,
    code: 'rate_limited',
    message: `Too many ${what}; try again in ${result.retryAfterSec} s.`,
    retryAfter: result.retryAfterSec,
  });
}

/**
 * Callback-handler changes per signed-in user: a burst of 5, then one every 12 s. Each accepted change starts an
 * approval, so more than a few a minute is a script gone wrong, not a person. Only requests that passed validation take a
 * point: bad input never reaches Fireblocks and is answered 400 regardless.
 */
export const CALLBACK_UPDATE_RULE: RateLimitRule = { name: 'callback_update', burst: 5, everySec: 12 };

/**
 * Pre-flight checks per signed-in user, as many as changes: each opens a connection from the console's network to a
 * host the user names, so a script must not turn the console into a port scanner. Its own counters: checking a
 * handler before proposing it never eats the proposal's budget.
 */
const PREFLIGHT_RULE: RateLimitRule = { name: 'preflight', burst: 5, everySec: 12 };

const current = new Map<string, { db: Db; limiter: RateLimiter }>();

/** The process's limiter for `rule`, on the process-wide database (a new one if that was closed and reopened). */
function limiterFor(rule: RateLimitRule): RateLimiter {
  const db = getDb();
  const held = current.get(rule.name);
  if (held?.db === db) return held.limiter;
  held?.limiter.close();
  const limiter = createRateLimiter(db, rule);
  current.set(rule.name, { db, limiter });
  return limiter;
}

/** The process's callback-update limiter. */
export const callbackUpdateLimiter = (): RateLimiter => limiterFor(CALLBACK_UPDATE_RULE);

/** The process's pre-flight limiter (a change's "Check again", the edit form's "Check the handler now"). */
export const preflightLimiter = (): RateLimiter => limiterFor(PREFLIGHT_RULE);
