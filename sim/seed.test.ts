import { createPublicKey } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { buildSeed, seedSummary } from './seed';

describe('seed data', () => {
  it('is deterministic in the seed and differs between seeds', () => {
    expect(buildSeed(1)).toEqual(buildSeed(1));
    expect(seedSummary(1).cosignerIds).not.toEqual(seedSummary(2).cosignerIds);
  });

  it('has each cosigner type, one archived, and one with exactly 250 keys', () => {
    const s = seedSummary(1);
    expect(s.byType.SGX?.length).toBeGreaterThanOrEqual(2);
    expect(s.byType['AWS-NITRO']?.length).toBeGreaterThanOrEqual(2);
    expect(s.byType['GCP-CONFSPACE']?.length).toBeGreaterThanOrEqual(2);
    expect(s.keyCounts[s.bigCosignerId]).toBe(250);
    const archived = buildSeed(1).filter((c) => c.cosigner.archived);
    expect(archived.map((c) => c.cosigner.id)).toEqual([s.archivedCosignerId]);
    expect(Math.min(...Object.values(s.keyCounts))).toBeLessThanOrEqual(5);
  });

  it('has handlers of every kind, with readable public keys (RSA-2048 and one EC)', () => {
    const keys = buildSeed(1).flatMap((c) => c.keys);
    const handlers = keys.map((k) => k.callbackHandler);
    expect(handlers.some((h) => h === undefined)).toBe(true);
    expect(handlers.some((h) => h?.certPublicKeyHash?.match(/^[0-9a-f]{64}$/))).toBe(true);
    const types = new Set(
      handlers.flatMap((h) => (h?.publicKey ? [createPublicKey(h.publicKey).asymmetricKeyType] : [])),
    );
    expect(types).toEqual(new Set(['rsa', 'ec']));
    expect(keys.some((k) => k.lastSeen === undefined)).toBe(true);
  });

  it('ids are unique UUIDs, and the summary points at keys of the advertised kinds', () => {
    const data = buildSeed(7);
    const ids = data.flatMap((c) => [c.cosigner.id, ...c.keys.map((k) => k.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const s = seedSummary(7);
    const find = (r: { cosignerId: string; apiKeyId: string }) =>
      data.find((c) => c.cosigner.id === r.cosignerId)?.keys.find((k) => k.id === r.apiKeyId);
    expect(find(s.keyWithPublicKey)?.callbackHandler?.publicKey).toBeTruthy();
    expect(find(s.keyWithCert)?.callbackHandler?.certPublicKeyHash).toBeTruthy();
    expect(find(s.keyWithNoHandler)?.callbackHandler).toBeUndefined();
  });
});
