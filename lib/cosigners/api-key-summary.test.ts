import { describe, expect, it } from 'vitest';

import { spkiFingerprint } from '@/lib/callback-handler/fingerprint';
import {
  ecP256PublicKeyPem,
  garbagePem,
  rsa2048PublicKeyPem,
  rsa4096PublicKeyPem,
} from '@/testing/fixtures/pem-fixtures';

import { publicKeyFingerprint, summarizeApiKeysPage } from './api-key-summary';
import { listApiKeysResponseSchema } from './console-api-schemas';

describe('publicKeyFingerprint', () => {
  it('equals spkiFingerprint (createPublicKey + DER export) for RSA and EC keys', () => {
    for (const pem of [rsa2048PublicKeyPem(), rsa4096PublicKeyPem(), ecP256PublicKeyPem()]) {
      expect(publicKeyFingerprint(pem)).toBe(spkiFingerprint(pem));
      expect(publicKeyFingerprint(`\r\n ${pem.replace(/\n/g, '\r\n')} `)).toBe(spkiFingerprint(pem));
    }
  });

  it('is null for text that is not a public key PEM', () => {
    expect(publicKeyFingerprint('hello')).toBeNull();
    expect(publicKeyFingerprint(garbagePem())).toBeNull();
    expect(publicKeyFingerprint(`-----BEGIN PUBLIC KEY-----\n${btoa('not der')}\n-----END PUBLIC KEY-----`)).toBeNull();
  });
});

describe('summarizeApiKeysPage', () => {
  it('replaces each PEM by its fingerprint and keeps everything else', () => {
    const pem = rsa2048PublicKeyPem();
    const page = summarizeApiKeysPage({
      data: [
        {
          id: 'k1',
          lastSeen: '2021-07-01 00:00:00+00:00',
          callbackHandler: { url: 'https://a.example', publicKey: pem },
        },
        { id: 'k2', callbackHandler: { url: 'https://b.example', certPublicKeyHash: 'ab'.repeat(32) } },
        { id: 'k3', callbackHandler: { url: 'https://c.example', publicKey: 'garbage' } },
        { id: 'k4' },
      ],
      next: 'c2',
    });
    // What the route sends: the schema keeps exactly these fields, and no PEM is among them.
    const sent = listApiKeysResponseSchema.parse(page);
    expect(sent).toEqual({
      data: [
        {
          id: 'k1',
          lastSeen: '2021-07-01 00:00:00+00:00',
          callbackHandler: { url: 'https://a.example', publicKeyFingerprint: spkiFingerprint(pem) },
        },
        { id: 'k2', callbackHandler: { url: 'https://b.example', certPublicKeyHash: 'ab'.repeat(32) } },
        { id: 'k3', callbackHandler: { url: 'https://c.example', publicKeyFingerprint: null } },
        { id: 'k4' },
      ],
      next: 'c2',
    });
    expect(JSON.stringify(sent)).not.toContain('BEGIN');
  });
});
