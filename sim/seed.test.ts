import { createPublicKey } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { editGateOf } from '../lib/cosigners/edit-gate';
import { buildSeed, largeSeedSummary, seedApiUsers, seedSummary } from './seed';

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

  it('has the keys the findings page and the search journeys rely on, after every key that was there before', () => {
    const data = buildSeed(1);
    const s = seedSummary(1);
    const find = (r: { cosignerId: string; apiKeyId: string }) =>
      data.find((c) => c.cosigner.id === r.cosignerId)?.keys.find((k) => k.id === r.apiKeyId);
    expect(find(s.keyMisrouted)?.callbackHandler?.url).toMatch(/\/v2\/tx_sign_request$/);
    expect(find(s.keyMisrouted)?.callbackHandler?.publicKey).toContain('BEGIN PUBLIC KEY');
    // The shared URL is another cosigner's key's.
    const sharedUrl = find(s.keySharedUrl)?.callbackHandler?.url;
    const sharers = data.filter((c) => c.keys.some((k) => k.callbackHandler?.url === sharedUrl));
    expect(sharers.length).toBeGreaterThanOrEqual(2);
    // Appended: the cosigner's generated keys keep their places.
    const staking = data.find((c) => c.cosigner.id === s.keyNotSeen.cosignerId);
    expect(staking?.keys.slice(-3).map((k) => k.id)).toEqual(
      [s.keyMisrouted, s.keySharedUrl, s.keyNotSeen].map((r) => r.apiKeyId),
    );
    expect(staking?.keys).toHaveLength(8);
  });

  it('counts lastSeen back from the epoch it is given: one key was last seen 45 days before it', () => {
    const epoch = Date.UTC(2030, 0, 1);
    const data = buildSeed(1, epoch);
    const s = seedSummary(1);
    const key = data.flatMap((c) => c.keys).find((k) => k.id === s.keyNotSeen.apiKeyId);
    expect(Date.parse(key?.lastSeen ?? '')).toBe(epoch - 45 * 86_400_000);
    const seen = data.flatMap((c) => c.keys).flatMap((k) => (k.lastSeen ? [Date.parse(k.lastSeen)] : []));
    expect(Math.max(...seen)).toBeLessThanOrEqual(epoch);
  });

  it("the 250-key cosigner's search key sits on its third page of 100 (newest first) and has a host no other key has", () => {
    const data = buildSeed(1);
    const s = seedSummary(1);
    const big = data.find((c) => c.cosigner.id === s.bigCosignerId);
    const index = big?.keys.findIndex((k) => k.id === s.keyOnPage3.apiKeyId) ?? -1;
    // DESC: the newest 100 are page 1, so creation indexes 49..0 are page 3.
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(50);
    const url = big?.keys[index]?.callbackHandler?.url ?? '';
    const host = new URL(url).host;
    const sameHost = data
      .flatMap((c) => c.keys)
      .filter((k) => k.callbackHandler?.url && new URL(k.callbackHandler.url).host === host);
    expect(sameHost.map((k) => k.id)).toEqual([s.keyOnPage3.apiKeyId]);
  });

  it('the large workspace: 10,000 keys over 20 live cosigners of 500, deterministic, none shared with the demo', () => {
    const large = buildSeed(1, undefined, 'large');
    expect(large).toHaveLength(20);
    expect(large.every((c) => c.keys.length === 500 && !c.cosigner.archived)).toBe(true);
    const ids = large.flatMap((c) => [c.cosigner.id, ...c.keys.map((k) => k.id)]);
    expect(new Set(ids).size).toBe(20 + 10_000);
    const demo = new Set(buildSeed(1).flatMap((c) => [c.cosigner.id, ...c.keys.map((k) => k.id)]));
    expect(ids.filter((id) => demo.has(id))).toEqual([]);
    expect(buildSeed(1, undefined, 'large')).toEqual(large);
    const summary = largeSeedSummary(1);
    expect(summary).toMatchObject({ workspace: 'large', cosignerCount: 20 });
    expect(Object.values(summary.keyCounts).reduce((a, b) => a + b, 0)).toBe(10_000);
    // Every cosigner can take a change through the API, so a bench can exercise the whole workspace.
    expect(large.every((c) => editGateOf(c.cosigner).editable)).toBe(true);
  });

  it('API users: most keys named by their team and purpose, a few without one, roles and states varied', () => {
    const data = buildSeed(1);
    const users = seedApiUsers(1, data);
    const byId = new Map(users.map((u) => [u.id, u]));
    const keys = data.flatMap((c) => c.keys);
    expect(keys.filter((k) => !byId.has(k.id)).map((k) => k.id)).toContain(seedSummary(1).keyWithoutApiUser.apiKeyId);
    expect(new Set(users.map((u) => u.name)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.role)).size).toBeGreaterThanOrEqual(6);
    expect(users.some((u) => !u.enabled)).toBe(true);
    expect(users.some((u) => u.status !== 'READY')).toBe(true);
    // Index 0 of each cosigner is a ready Signer.
    for (const c of data) expect(byId.get(c.keys[0]?.id ?? '')).toMatchObject({ role: 'SIGNER', status: 'READY' });
    expect(seedApiUsers(1, data)).toEqual(users);
  });
});
