import { describe, expect, it } from 'vitest';

import { NonceCache } from './nonce-cache';

describe('NonceCache', () => {
  it('refuses a nonce it remembers', () => {
    const c = new NonceCache();
    expect(c.remember('n1', 160, 100)).toBe(true);
    expect(c.remember('n1', 160, 101)).toBe(false);
    expect(c.remember('n2', 160, 101)).toBe(true);
  });

  it('forgets nonces once their expiry has passed, so memory stays bounded', () => {
    const c = new NonceCache();
    for (let i = 0; i < 1000; i++) c.remember(`old-${i}`, 160, 100);
    c.remember('late', 300, 150);
    expect(c.size).toBe(1001);
    c.sweep(161);
    expect(c.size).toBe(1);
    expect(c.has('old-1')).toBe(false);
    expect(c.has('late')).toBe(true);
  });

  it('sweeps as a side effect of remembering, at most once a second', () => {
    const c = new NonceCache();
    c.remember('a', 110, 100);
    c.remember('b', 200, 111);
    expect(c.has('a')).toBe(false);
  });
});
