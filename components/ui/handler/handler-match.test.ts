import { describe, expect, it } from 'vitest';

import { certPublicKeyHash } from '@/lib/callback-handler/fingerprint';
import { rsa2048PublicKeyPem, rsaKeyPair, validCertPem } from '@/testing/fixtures/pem-fixtures';

import { compareLiveToSubmitted } from './handler-match';

const url = 'https://cb.example.com/handler';

describe('compareLiveToSubmitted', () => {
  it('matches the same public key even when its lines are wrapped differently', () => {
    const pem = rsa2048PublicKeyPem();
    const rewrapped = pem.replace(/\n/g, '\r\n');
    expect(compareLiveToSubmitted({ url, publicKey: rewrapped }, { url, mode: 'publicKey', publicKey: pem })).toEqual({
      matches: true,
      differences: [],
    });
  });

  it('reports another key and another URL', () => {
    const r = compareLiveToSubmitted(
      { url: 'https://old.example.com', publicKey: rsaKeyPair(2048, 'other').publicKeyPem },
      { url, mode: 'publicKey', publicKey: rsa2048PublicKeyPem() },
    );
    expect(r.matches).toBe(false);
    expect(r.differences).toHaveLength(2);
  });

  it('matches a pinned certificate by the hash of its public key', async () => {
    const cert = await validCertPem();
    const hash = certPublicKeyHash(cert);
    expect(
      compareLiveToSubmitted(
        { url, certPublicKeyHash: hash.toUpperCase() },
        { url, mode: 'cert', certPublicKeySha256: hash },
      ).matches,
    ).toBe(true);
    expect(
      compareLiveToSubmitted(
        { url, certPublicKeyHash: 'ff'.repeat(32) },
        { url, mode: 'cert', certPublicKeySha256: hash },
      ).matches,
    ).toBe(false);
  });

  it('notices the kind did not switch, and a missing handler', () => {
    expect(
      compareLiveToSubmitted(
        { url, publicKey: rsa2048PublicKeyPem() },
        { url, mode: 'cert', certPublicKeySha256: 'ab' },
      ).matches,
    ).toBe(false);
    expect(compareLiveToSubmitted(undefined, { url, mode: 'cert' }).differences).toEqual([
      'The key has no callback handler.',
    ]);
  });
});
