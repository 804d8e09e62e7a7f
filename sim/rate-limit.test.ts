import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedSummary } from './seed';
import { control, startTestSim, type TestSim } from '../testing/sim/test-sim';

const s = seedSummary();
let t: TestSim;

beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

describe("Fireblocks' rate limit, as the simulator plays it", () => {
  it('is off unless set', async () => {
    for (let i = 0; i < 5; i++) expect((await t.call({ path: '/v1/cosigners' })).status).toBe(200);
  });

  it('per API user and category: reads past the limit get 429 with Retry-After, writes and other users do not', async () => {
    t.sim.setRateLimit({ requests: 3, windowMs: 60_000 });
    try {
      for (let i = 0; i < 3; i++) expect((await t.call({ path: '/v1/cosigners' })).status).toBe(200);
      const over = await t.call({ path: '/v1/cosigners' });
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(50);
      // Writes count apart: a PATCH still goes through (and is refused on its merits only).
      const patch = await t.call({ method: 'PATCH', path: `/v1/cosigners/${s.bigCosignerId}`, body: { name: 'X' } });
      expect(patch.status).toBe(200);
      expect((await t.call({ path: '/v1/cosigners', user: t.userB })).status).toBe(200);
      expect(t.sim.requestLog().filter((e) => e.status === 429)).toHaveLength(1);
    } finally {
      t.sim.setRateLimit(null);
    }
  });

  it('starts a new window once the last one ended, and is set and cleared through the control route', async () => {
    expect((await control(t.sim, 'POST', '/_sim/rate-limit', { requests: 1, windowMs: 300 })).status).toBe(200);
    expect((await t.call({ path: '/v1/cosigners' })).status).toBe(200);
    expect((await t.call({ path: '/v1/cosigners' })).status).toBe(429);
    await new Promise((r) => setTimeout(r, 350));
    expect((await t.call({ path: '/v1/cosigners' })).status).toBe(200);
    expect((await control(t.sim, 'DELETE', '/_sim/rate-limit')).status).toBe(204);
    for (let i = 0; i < 3; i++) expect((await t.call({ path: '/v1/cosigners' })).status).toBe(200);
    expect((await control(t.sim, 'POST', '/_sim/rate-limit', { requests: 0, windowMs: 1 })).status).toBe(400);
  });
});
