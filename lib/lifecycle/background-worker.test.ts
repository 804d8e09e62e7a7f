import { describe, expect, it } from 'vitest';

import { followCadenceFor } from '@/lib/changes/follow-open-changes';
import { tickMsFor, type WorkerJob } from '@/lib/worker/worker';

import { leaseTtlMsFor } from './background-worker';

const jobEvery = (everyMs: number): WorkerJob => ({ name: 'job', everyMs, run: () => Promise.resolve() });

describe('the worker timing for a WATCH_INTERVAL', () => {
  it('a holder killed outright is replaced within two intervals (lease + one tick), whatever the interval', () => {
    for (const intervalMs of [1_000, 2_000, 3_000, 10_000, 60_000, 300_000]) {
      const ttl = leaseTtlMsFor(intervalMs);
      const tick = tickMsFor(ttl, [jobEvery(followCadenceFor(intervalMs).everyMs)]);
      expect(ttl + tick, `WATCH_INTERVAL ${intervalMs} ms`).toBeLessThanOrEqual(2 * intervalMs);
      // Three renewals per lease: one slow renewal does not lose it.
      expect(tick * 3).toBeLessThanOrEqual(ttl);
    }
  });

  it('the lease lasts 15 s at most, also when watching is off', () => {
    expect(leaseTtlMsFor(60_000)).toBe(15_000);
    expect(leaseTtlMsFor(0)).toBe(15_000);
    expect(leaseTtlMsFor(3_000)).toBe(3_000);
  });
});
