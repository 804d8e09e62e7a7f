import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createFireblocksClient, type FireblocksClient } from '@/lib/fireblocks/client';
import { rsaTestKey } from '@/testing/fixtures/keys';
import { seedSummary, startSimulator, type Simulator } from '@/sim/index';

import { walkWorkspace } from './walk-workspace';

// The walk against the real simulator over HTTP: every call signed and answered as Fireblocks would.
const API_KEY = 'c0ffee00-1234-4abc-8def-00000000a11c';
const apiUser = rsaTestKey(2048);
const seed = seedSummary();
let sim: Simulator;
let client: FireblocksClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, apiUsers: [{ apiKey: API_KEY, publicKeyPem: apiUser.publicPem }] });
  client = createFireblocksClient({ baseUrl: sim.baseUrl, apiKey: API_KEY, privateKey: apiUser.privateKey });
});
afterAll(() => sim.close());

describe('walkWorkspace', () => {
  it('reads every cosigner and every page of its keys, 100 at a time (the 250-key cosigner in three calls), and the API users once', async () => {
    sim.clearLog();
    const index = await walkWorkspace({ fireblocks: client, now: () => new Date('2026-11-30T10:00:00.000Z') });
    expect(index.asOf).toBe('2026-11-30T10:00:00.000Z');
    expect(index.cosigners.map((c) => c.id).sort()).toEqual([...seed.cosignerIds].sort());
    const total = Object.values(seed.keyCounts).reduce((a, b) => a + b, 0);
    expect(index.keys).toHaveLength(total);
    expect(new Set(index.keys.map((k) => `${k.cosignerId}/${k.apiKeyId}`)).size).toBe(total);

    const all = sim.requestLog().filter((e) => e.method === 'GET');
    expect(all.filter((e) => e.path === '/v1/management/api_users')).toHaveLength(1);
    const gets = all.filter((e) => e.path !== '/v1/management/api_users');
    expect(gets.every((e) => e.status === 200 && /[?&]pageSize=100(&|$)/.test(e.path))).toBe(true);
    expect(gets.filter((e) => e.path.startsWith('/v1/cosigners?'))).toHaveLength(1);
    expect(gets.filter((e) => e.path.startsWith(`/v1/cosigners/${seed.bigCosignerId}/api_keys?`))).toHaveLength(3);
    // One call per other cosigner: each has at most 100 keys.
    expect(gets).toHaveLength(1 + 3 + (seed.cosignerCount - 1));
  });

  it('holds what search and findings need: handler URL, public key fingerprint or certificate hash, lastSeen', async () => {
    const index = await walkWorkspace({ fireblocks: client });
    const keyOf = (r: { cosignerId: string; apiKeyId: string }) =>
      index.keys.find((k) => k.cosignerId === r.cosignerId && k.apiKeyId === r.apiKeyId);
    expect(keyOf(seed.keyWithPublicKey)?.publicKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(keyOf(seed.keyWithCert)?.certPublicKeyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(keyOf(seed.keyWithNoHandler)?.url).toBeUndefined();
    expect(keyOf(seed.keyNotSeen)?.lastSeen).toBeTruthy();
    expect(keyOf(seed.keyOnPage3)).toMatchObject({ cosignerName: 'Treasury SGX', cosignerArchived: false });
    expect(index.apiUsers).toEqual({ available: true });
    expect(keyOf(seed.keyWithPublicKey)?.apiUser).toEqual({
      name: 'Treasury payout bot',
      role: 'SIGNER',
      status: 'READY',
      enabled: true,
    });
    expect(keyOf(seed.keyWithoutApiUser)?.apiUser).toBeNull();
    expect(index.keys.filter((k) => k.apiUser).length).toBeGreaterThan(index.keys.length * 0.9);
    // Newest first, as the list shows them: the search key is in the third hundred of its cosigner.
    const big = index.keys.filter((k) => k.cosignerId === seed.bigCosignerId);
    const at = big.findIndex((k) => k.apiKeyId === seed.keyOnPage3.apiKeyId);
    expect(at).toBeGreaterThanOrEqual(200);
  });

  it('a 403 on the API users read costs the names only: every key is still read, and the index says why', async () => {
    sim.setForbidden({ apiUsers: true });
    try {
      const index = await walkWorkspace({ fireblocks: client });
      const total = Object.values(seed.keyCounts).reduce((a, b) => a + b, 0);
      expect(index.keys).toHaveLength(total);
      expect(index.keys.every((k) => k.apiUser === null)).toBe(true);
      expect(index.apiUsers).toMatchObject({ available: false, reason: 'forbidden' });
    } finally {
      sim.setForbidden({});
    }
  });

  it('reads the keys of at most `concurrency` cosigners at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const counting: FireblocksClient = {
      ...client,
      listApiKeys: async (...args) => {
        most = Math.max(most, ++inFlight);
        try {
          return await client.listApiKeys(...args);
        } finally {
          inFlight--;
        }
      },
    };
    sim.setFaults({ latencyMs: 30, match: { pathPrefix: '/v1/cosigners/' } });
    try {
      await walkWorkspace({ fireblocks: counting, concurrency: 2 });
    } finally {
      sim.clearFaults();
    }
    expect(most).toBe(2);
  });
});
