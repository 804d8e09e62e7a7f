import { afterEach, describe, expect, it, vi } from 'vitest';

import { benchPagesEnabled } from './env';

afterEach(() => vi.unstubAllEnvs());

describe('benchPagesEnabled', () => {
  it('is on only for BENCH_PAGES=1', () => {
    vi.stubEnv('BENCH_PAGES', '1');
    expect(benchPagesEnabled()).toBe(true);
    for (const value of ['', '0', 'true', 'yes']) {
      vi.stubEnv('BENCH_PAGES', value);
      expect(benchPagesEnabled(), value).toBe(false);
    }
  });

  it('is off when unset', () => {
    vi.stubEnv('BENCH_PAGES', undefined);
    expect(benchPagesEnabled()).toBe(false);
  });
});
