import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { seedSummary, startSimulator, type Simulator } from '@/sim/index';

import { createFireblocksClient, type FireblocksClient } from './client';
import { createReadBudget } from './read-budget';
import { createReadCache, NOT_FOUND_TTL_MS } from './read-cache';
import { rsaTestKey } from '../../testing/fixtures/keys';

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

  it('errors are shared by the waiters but never cached (a 404 aside: below)', async () => {
    const cache = createReadCache(client);
    sim.setFaults({ status: 400, times: 1 });
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

describe('what a reader may spend upstream', () => {
  it('a 404 is served again for a while: asking for a missing id again costs nothing upstream', async () => {
    const cache = createReadCache(client);
    const missing = '00000000-0000-4000-8000-00000000dead';
    for (let i = 0; i < 5; i++) {
      await expect(cache.getCosigner(missing)).rejects.toMatchObject({ kind: 'http', status: 404 });
    }
    expect(upstream()).toHaveLength(1);
    expect(NOT_FOUND_TTL_MS).toBeGreaterThan(5_000);
    // Other errors are still never cached.
    sim.setFaults({ status: 503, times: 3 });
    await expect(cache.getCosigner(seed.bigCosignerId)).rejects.toMatchObject({ status: 503 });
    expect((await cache.getCosigner(seed.bigCosignerId)).data.id).toBe(seed.bigCosignerId);
  });

  it("a read that reaches Fireblocks is taken from its reader's share, a cached one is not", async () => {
    const cache = createReadCache(client, { budget: createReadBudget(8) });
    // A person's share of 8 a minute is 2: a third distinct read is refused before anything is sent.
    await cache.getCosigner(seed.bigCosignerId, { reader: 'vera' });
    await cache.listCosigners({}, { reader: 'vera' });
    for (let i = 0; i < 5; i++) await cache.getCosigner(seed.bigCosignerId, { reader: 'vera' });
    const refused = await cache.listApiKeys(seed.bigCosignerId, {}, { reader: 'vera' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 429, code: 'rate_limited' });
    expect((refused as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
    expect(upstream()).toHaveLength(2);
    // Another person still reads.
    expect((await cache.listApiKeys(seed.bigCosignerId, {}, { reader: 'alice' })).data.data.length).toBeGreaterThan(0);
  });
});
