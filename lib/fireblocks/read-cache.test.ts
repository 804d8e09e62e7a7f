import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { seedSummary, startSimulator, type Simulator } from '@/sim/index';

import { createFireblocksClient, type FireblocksClient } from './client';
import { createReadCache } from './read-cache';
import { rsaTestKey } from './testing/keys';

/** The read cache over the real client and simulator: what reaches upstream is counted in the simulator's log. */
const API_KEY = 'c0ffee00-1234-4abc-8def-000000000002';
const seed = seedSummary();
const apiUser = rsaTestKey(2048);

let sim: Simulator;
let client: FireblocksClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, apiUsers: [{ apiKey: API_KEY, publicKeyPem: apiUser.publicPem }] });
  client = createFireblocksClient({ baseUrl: sim.baseUrl, apiKey: API_KEY, privateKey: apiUser.privateKey });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.clearFaults();
  sim.clearLog();
});

const upstream = () => sim.requestLog().filter((e) => e.path.startsWith('/v1/'));

describe('the read cache', () => {
  it('50 concurrent reads of one page cost one upstream call, and all get the same answer with its read time', async () => {
    const cache = createReadCache(client);
    const before = Date.now();
    const reads = await Promise.all(
      Array.from({ length: 50 }, () => cache.listApiKeys(seed.bigCosignerId, { pageSize: 100, order: 'ASC' })),
    );
    expect(upstream()).toHaveLength(1);
    expect(new Set(reads.map((r) => r.readAt)).size).toBe(1);
    expect(reads[0]!.readAt).toBeGreaterThanOrEqual(before);
    expect(reads[0]!.data.data).toHaveLength(100);
    // Served again within the TTL, with the time it was first read (not now).
    await sleep(50);
    const again = await cache.listApiKeys(seed.bigCosignerId, { pageSize: 100, order: 'ASC' });
    expect(again.readAt).toBe(reads[0]!.readAt);
    expect(upstream()).toHaveLength(1);
  });

  it('tells pages, queries and resources apart (defaults are the same query)', async () => {
    const cache = createReadCache(client);
    const c = seed.bigCosignerId;
    await Promise.all([
      cache.listApiKeys(c),
      cache.listApiKeys(c, { pageSize: 10, order: 'DESC' }),
      cache.listApiKeys(c, { pageSize: 20 }),
      cache.listCosigners(),
      cache.getCosigner(c),
      cache.getApiKey(seed.keyWithPublicKey.cosignerId, seed.keyWithPublicKey.apiKeyId),
    ]);
    expect(upstream()).toHaveLength(5);
  });

  it('reads again after the TTL', async () => {
    const cache = createReadCache(client, { ttlMs: 100 });
    await cache.listCosigners();
    await sleep(150);
    await cache.listCosigners();
    expect(upstream()).toHaveLength(2);
  });

  it("invalidating a key drops it and its cosigner's key list pages, nothing else", async () => {
    const cache = createReadCache(client);
    const { cosignerId, apiKeyId } = seed.keyWithPublicKey;
    const readAll = () =>
      Promise.all([
        cache.getApiKey(cosignerId, apiKeyId),
        cache.listApiKeys(cosignerId),
        cache.listApiKeys(cosignerId, { order: 'ASC' }),
        cache.getCosigner(cosignerId),
        cache.listCosigners(),
      ]);
    await readAll();
    expect(upstream()).toHaveLength(5);
    cache.invalidateApiKey(cosignerId, apiKeyId);
    sim.clearLog();
    await readAll();
    // The five reads run at once, so the three that go upstream arrive in any order.
    expect(
      upstream()
        .map((e) => e.path.split('?')[0])
        .sort(),
    ).toEqual(
      [
        `/v1/cosigners/${cosignerId}/api_keys/${apiKeyId}`,
        `/v1/cosigners/${cosignerId}/api_keys`,
        `/v1/cosigners/${cosignerId}/api_keys`,
      ].sort(),
    );
  });

  it('an invalidation during a load: its waiters get the answer, but it is not kept', async () => {
    const cache = createReadCache(client);
    const { cosignerId, apiKeyId } = seed.keyWithPublicKey;
    sim.setFaults({ latencyMs: 300, times: 1 });
    const pending = cache.getApiKey(cosignerId, apiKeyId);
    await sleep(100);
    cache.invalidateApiKey(cosignerId, apiKeyId);
    expect((await pending).data.id).toBe(apiKeyId);
    await cache.getApiKey(cosignerId, apiKeyId);
    expect(upstream()).toHaveLength(2);
  });

  it('errors are shared by the waiters but never cached', async () => {
    const cache = createReadCache(client);
    sim.setFaults({ status: 404, times: 1 });
    const failed = await Promise.allSettled(Array.from({ length: 5 }, () => cache.getCosigner(seed.bigCosignerId)));
    expect(failed.every((r) => r.status === 'rejected')).toBe(true);
    expect(upstream()).toHaveLength(1);
    await cache.getCosigner(seed.bigCosignerId);
    expect(upstream()).toHaveLength(2);
  });

  it('one caller giving up does not fail the others, and the load still fills the cache', async () => {
    const cache = createReadCache(client);
    sim.setFaults({ latencyMs: 300, times: 1 });
    const controller = new AbortController();
    const leaver = cache.listCosigners({}, { signal: controller.signal });
    const stayer = cache.listCosigners();
    setTimeout(() => controller.abort(new Error('went away')), 50);
    await expect(leaver).rejects.toThrow('went away');
    expect((await stayer).data.data.length).toBeGreaterThan(0);
    await cache.listCosigners();
    expect(upstream()).toHaveLength(1);
  });
});
