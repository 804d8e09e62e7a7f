import 'server-only';

import { AppError } from '@/lib/errors/app-error';

/**
 * A per-key token bucket held in this process's memory. A bucket starts full with `limit` tokens and
 * refills continuously at `limit` tokens per `windowMs`, so a user can burst `limit` requests and then
 * gets one more every `windowMs / limit`. Memory is bounded: a bucket that has refilled completely is
 * indistinguishable from no bucket and is dropped, and past `maxKeys` the least recently used go first.
 * Being in memory, the limit is per server process (several instances multiply it); that is enough to
 * stop a runaway script or a double-clicking admin, which is what it is for.
 */
export interface RateLimiterOptions {
  /** Requests allowed in a burst, and per window on average. */
  limit: number;
  /** The window over which `limit` tokens refill. */
  windowMs: number;
  /** Most keys remembered at once; default 10,000. */
  maxKeys?: number;
  /** Clock in ms, injectable for tests. */
  now?: () => number;
}

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSec: number };

export interface RateLimiter {
  /** Takes one token for `key`, or says how many whole seconds until one is available. */
  take(key: string): RateLimitResult;
  /** Keys currently remembered (for tests and metrics). */
  size(): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter({
  limit,
  windowMs,
  maxKeys = 10_000,
  now = Date.now,
}: RateLimiterOptions): RateLimiter {
  const perMs = limit / windowMs;
  const buckets = new Map<string, Bucket>();

  const refill = (b: Bucket, t: number) => Math.min(limit, b.tokens + Math.max(0, t - b.at) * perMs);

  function evict(t: number) {
    for (const [key, b] of buckets) if (refill(b, t) >= limit) buckets.delete(key);
    // Still full of active users: forget the least recently used (Map keeps insertion order).
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const t = now();
      const prev = buckets.get(key);
      const tokens = prev ? refill(prev, t) : limit;
      buckets.delete(key);
      if (!prev && buckets.size >= maxKeys) evict(t);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: t });
        // Rounded to whole ms first so floating-point dust never adds a second.
        const waitMs = Math.round((1 - tokens) / perMs);
        return { ok: false, retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: t });
      return { ok: true, remaining: Math.floor(tokens - 1) };
    },
    size: () => buckets.size,
  };
}

/** Throws a 429 AppError (with `retryAfter`, which the route wrapper sends as `Retry-After`) when over. */
export function enforceRateLimit(limiter: RateLimiter, key: string): void {
  const result = limiter.take(key);
  if (result.ok) return;
  throw new AppError({
    status: 429,
    code: 'rate_limited',
    message: `Too many callback handler changes; try again in ${result.retryAfterSec} s.`,
    retryAfter: result.retryAfterSec,
  });
}

/**
 * Callback-handler changes per signed-in user: 5 per minute. Each accepted change starts an approval
 * in Fireblocks, so more than a few a minute is a script gone wrong, not a person. Only requests that
 * passed validation take a token: bad input never reaches Fireblocks and is answered 400 regardless.
 */
export const callbackUpdateLimiter = createRateLimiter({ limit: 5, windowMs: 60_000 });
