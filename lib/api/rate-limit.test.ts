import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';

import { createRateLimiter, enforceRateLimit } from './rate-limit';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createRateLimiter', () => {
  it('allows a burst of `limit`, then refuses with the seconds until the next token', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 5, windowMs: 60_000, now: c.now });
    const results = Array.from({ length: 5 }, () => limiter.take('alice'));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    expect(results.at(-1)).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take('alice')).toEqual({ ok: false, retryAfterSec: 12 });
    c.advance(5_000);
    expect(limiter.take('alice')).toEqual({ ok: false, retryAfterSec: 7 });
  });

  it('refills at limit per window', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 5, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 5; i++) limiter.take('alice');
    c.advance(12_000);
    expect(limiter.take('alice').ok).toBe(true);
    expect(limiter.take('alice').ok).toBe(false);
    c.advance(60_000);
    const after = Array.from({ length: 6 }, () => limiter.take('alice').ok);
    expect(after).toEqual([true, true, true, true, true, false]);
  });

  it('keeps users apart', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: c.now });
    expect(limiter.take('alice').ok).toBe(true);
    expect(limiter.take('alice').ok).toBe(false);
    expect(limiter.take('bob').ok).toBe(true);
  });

  it('never answers a Retry-After below one second', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, now: c.now });
    limiter.take('alice');
    c.advance(999);
    expect(limiter.take('alice')).toEqual({ ok: false, retryAfterSec: 1 });
  });

  it('bounds memory: drops refilled buckets first, then the least recently used', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, maxKeys: 3, now: c.now });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.size()).toBe(3);
    c.advance(60_000);
    limiter.take('d');
    // a, b and c had refilled completely, so forgetting them changes nothing.
    expect(limiter.size()).toBe(1);

    limiter.take('e');
    limiter.take('f');
    limiter.take('d');
    limiter.take('d');
    // d is exhausted and the most recently used; adding g must evict e (least recently used), not d.
    limiter.take('g');
    expect(limiter.size()).toBe(3);
    expect(limiter.take('d').ok).toBe(false);
    expect(limiter.take('e')).toEqual({ ok: true, remaining: 1 });
  });

  it('stays bounded under many distinct keys', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 5, windowMs: 60_000, maxKeys: 100, now: c.now });
    for (let i = 0; i < 10_000; i++) limiter.take(`user-${i}`);
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });
});

describe('enforceRateLimit', () => {
  it('throws a 429 AppError carrying retryAfter', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 30_000, now: c.now });
    enforceRateLimit(limiter, 'alice');
    let thrown: unknown;
    try {
      enforceRateLimit(limiter, 'alice');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 30 });
  });
});
