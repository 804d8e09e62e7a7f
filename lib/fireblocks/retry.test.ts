import { describe, expect, it } from 'vitest';

import { backoffDelay, DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, sleep } from './retry';

describe('retry policy', () => {
  it('retries 429 and 5xx only', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:12 GMT', now)).toBe(12_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-3')).toBeUndefined();
  });

  it('draws full-jitter delays bounded by the exponential ceiling and maxDelayMs', () => {
    const top = () => 0.999999;
    expect(backoffDelay(DEFAULT_RETRY, 1, top)).toBeLessThan(DEFAULT_RETRY.baseDelayMs);
    expect(backoffDelay(DEFAULT_RETRY, 2, top)).toBeLessThan(DEFAULT_RETRY.baseDelayMs * 2);
    expect(backoffDelay(DEFAULT_RETRY, 30, top)).toBeLessThan(DEFAULT_RETRY.maxDelayMs);
    expect(backoffDelay(DEFAULT_RETRY, 3, () => 0)).toBe(0);
  });

  it('keeps the defaults bounded', () => {
    expect(DEFAULT_RETRY.maxAttempts).toBeLessThanOrEqual(3);
    expect(DEFAULT_RETRY.maxRetryAfterMs).toBeLessThanOrEqual(10_000);
  });

  it('ends a sleep early when the caller aborts', async () => {
    const c = new AbortController();
    const p = sleep(60_000, c.signal);
    c.abort(new Error('gone'));
    await expect(p).rejects.toThrow('gone');
  });
});
