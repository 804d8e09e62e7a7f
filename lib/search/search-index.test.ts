import { describe, expect, it } from 'vitest';

import { formatFingerprint } from '@/lib/callback-handler/format';
import { spkiFingerprint } from '@/lib/callback-handler/fingerprint';
import { rsa2048PublicKeyPem } from '@/testing/fixtures/pem-fixtures';

import type { IndexedKey, KeyIndex } from './key-index-types';
import { SEARCH_RESULT_CAP } from './search-api-schemas';
import { fingerprintNeedle, searchIndex } from './search-index';

const TREASURY = { id: '7f1c2a9e-0000-4000-8000-000000000001', name: 'Treasury SGX', archived: false };
const PAYMENTS = { id: '2b3d4e5f-0000-4000-8000-000000000002', name: 'Payments SGX', archived: false };
const fingerprint = spkiFingerprint(rsa2048PublicKeyPem());
const certHash = 'ab'.repeat(32);

const key = (over: Partial<IndexedKey> & { apiKeyId: string }): IndexedKey => ({
  cosignerId: TREASURY.id,
  cosignerName: TREASURY.name,
  cosignerArchived: false,
  apiUser: null,
  ...over,
});

const index: KeyIndex = {
  cosigners: [TREASURY, PAYMENTS],
  keys: [
    key({
      apiKeyId: 'k-public',
      url: 'https://callbacks.treasury.acme.example/fireblocks',
      publicKeyFingerprint: fingerprint,
    }),
    key({ apiKeyId: 'k-cert', url: 'https://cb.payments.acme.example/pinned', certPublicKeyHash: certHash }),
    key({
      apiKeyId: 'k-none',
      apiUser: { name: 'Treasury Payout Bot', role: 'SIGNER', status: 'READY', enabled: true },
    }),
    key({
      apiKeyId: 'k-path',
      cosignerId: PAYMENTS.id,
      cosignerName: PAYMENTS.name,
      url: 'https://other.example/treasury/cb',
    }),
  ],
  asOf: '2026-11-30T10:00:00.000Z',
  apiUsers: { available: true },
};

const ids = (q: string) => searchIndex(index, q).keys.map((k) => [k.apiKeyId, k.match]);

describe('searchIndex', () => {
  it('finds a key by its id or a part of it, any case', () => {
    expect(ids('K-CERT')).toEqual([['k-cert', 'id']]);
    expect(ids('none')).toEqual([['k-none', 'id']]);
  });

  it('finds a key by its API user name or a part of it, any case, and answers the user', () => {
    expect(ids('payout bot')).toEqual([['k-none', 'name']]);
    expect(ids('PAYOUT')).toEqual([['k-none', 'name']]);
    expect(searchIndex(index, 'payout').keys[0]?.apiUser).toEqual({
      name: 'Treasury Payout Bot',
      role: 'SIGNER',
      status: 'READY',
      enabled: true,
    });
  });

  it('ranks a name match after the id and before the URL host and path', () => {
    expect(ids('treasury')).toEqual([
      ['k-none', 'name'],
      ['k-public', 'host'],
      ['k-path', 'url'],
    ]);
  });

  it('without names, finds no key by name and says why once', () => {
    const refused = {
      available: false as const,
      reason: 'forbidden' as const,
      message: 'API user names are not shown',
    };
    const unnamed: KeyIndex = {
      ...index,
      keys: index.keys.map((k) => ({ ...k, apiUser: null })),
      apiUsers: refused,
    };
    const r = searchIndex(unnamed, 'payout');
    expect(r.keys).toEqual([]);
    expect(r.apiUsers).toEqual(refused);
  });

  it('finds keys by a part of their URL host, before keys whose path merely contains the text', () => {
    expect(ids('callbacks.treasury')).toEqual([['k-public', 'host']]);
    expect(ids('callbacks.treasury.acme')).toEqual([['k-public', 'host']]);
  });

  it('finds a key by a part of its URL beyond the host', () => {
    expect(ids('/pinned')).toEqual([['k-cert', 'url']]);
  });

  it('finds a public key by its SPKI SHA-256 with or without colons, in any case, whole or in part', () => {
    for (const q of [
      fingerprint,
      fingerprint.toUpperCase(),
      formatFingerprint(fingerprint),
      formatFingerprint(fingerprint).slice(0, 23),
    ])
      expect(ids(q)).toEqual([['k-public', 'fingerprint']]);
  });

  it("finds a pinned certificate by Fireblocks' certPublicKeyHash in any spelling", () => {
    expect(ids(formatFingerprint(certHash).toLowerCase())).toEqual([['k-cert', 'fingerprint']]);
  });

  it('does not take a few hex digits for a fingerprint', () => {
    expect(fingerprintNeedle('ab:ab')).toBeNull();
    expect(fingerprintNeedle('AB:AB:AB:AB')).toBe('abababab');
    expect(fingerprintNeedle('treasury')).toBeNull();
  });

  it('finds cosigners by name or id, and reports what it searched and when', () => {
    const r = searchIndex(index, 'payments sgx');
    expect(r.cosigners.map((c) => c.id)).toEqual([PAYMENTS.id]);
    expect(searchIndex(index, '7f1c2a9e').cosigners.map((c) => c.name)).toEqual(['Treasury SGX']);
    expect(r.asOf).toBe(index.asOf);
    expect(r.searched).toEqual({ cosigners: 2, keys: 4 });
  });

  it('answers the host and the fingerprint of a match', () => {
    expect(searchIndex(index, 'k-public').keys[0]).toMatchObject({
      host: 'callbacks.treasury.acme.example',
      fingerprint,
      cosignerName: 'Treasury SGX',
    });
  });

  it(`caps keys at ${SEARCH_RESULT_CAP} and says so`, () => {
    const many: KeyIndex = {
      ...index,
      keys: Array.from({ length: SEARCH_RESULT_CAP + 1 }, (_, i) => key({ apiKeyId: `bulk-${i}` })),
    };
    const r = searchIndex(many, 'bulk');
    expect(r.keys).toHaveLength(SEARCH_RESULT_CAP);
    expect(r.truncated).toBe(true);
    expect(searchIndex(many, 'bulk-1').truncated).toBe(false);
  });
});
