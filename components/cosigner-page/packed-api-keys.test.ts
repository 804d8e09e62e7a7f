import { describe, expect, it } from 'vitest';

import type { ApiKeySummaryResponse } from '@/lib/queries/types';

import { packApiKey, packApiKeysRead, unpackApiKey, unpackApiKeysRead } from './packed-api-keys';

const hex = (c: string) => c.repeat(64);
const keys: ApiKeySummaryResponse[] = [
  { id: 'no-handler', lastSeen: '2026-11-18T08:48:57.541Z', callbackHandler: undefined },
  { id: 'never-seen', lastSeen: undefined, callbackHandler: undefined },
  {
    id: 'public-key',
    lastSeen: '2026-11-10T15:04:57.541Z',
    callbackHandler: { url: 'https://a.example/cb', publicKeyFingerprint: hex('a'), certPublicKeyHash: undefined },
  },
  {
    id: 'unreadable-key',
    lastSeen: undefined,
    callbackHandler: { url: 'https://a.example/cb', publicKeyFingerprint: null, certPublicKeyHash: undefined },
  },
  {
    id: 'cert',
    lastSeen: '2026-11-10T15:04:57.541Z',
    callbackHandler: { url: 'https://b.example/cb', publicKeyFingerprint: undefined, certPublicKeyHash: hex('b') },
  },
  {
    id: 'url-only',
    lastSeen: undefined,
    callbackHandler: { url: 'https://c.example/cb', publicKeyFingerprint: undefined, certPublicKeyHash: undefined },
  },
];

describe('packed API keys', () => {
  it.each(keys.map((k) => [k.id, k] as const))('%s comes back as it was', (_, key) => {
    expect(unpackApiKey(packApiKey(key))).toStrictEqual(key);
  });

  it('keeps an unreadable public key apart from no public key', () => {
    expect(packApiKey(keys[3]!)[3]).toBeNull();
    expect(packApiKey(keys[4]!)[3]).toBe(false);
  });

  it('packs a page read with its page and time, and a failed read as null', () => {
    const read = { page: { pageSize: 100, order: 'DESC' as const }, readAt: 5, data: { data: keys, next: 'n' } };
    expect(unpackApiKeysRead(packApiKeysRead(read))).toStrictEqual(read);
    const failed = { page: read.page, readAt: 5, data: null };
    expect(unpackApiKeysRead(packApiKeysRead(failed))).toStrictEqual(failed);
  });
});
