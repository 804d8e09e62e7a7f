import { X509Certificate } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { spkiFingerprint } from '@/lib/callback-handler/fingerprint';
import { makeCertificate } from '@/testing/fixtures/pem-fixtures';
import { makeTestCa } from '@/testing/upstream/tls-servers';

import { certificateSpkiSha256, spkiBytes } from './spki-hash';

/** The walk itself, not its fallback: the bytes it finds are the SPKI Node encodes. */
const walked = (cert: X509Certificate) =>
  expect(spkiBytes(cert.raw)).toEqual(cert.publicKey.export({ type: 'spki', format: 'der' }));

describe('certificateSpkiSha256', () => {
  it.each(['rsa', 'ec'] as const)(
    'equals Node’s SPKI fingerprint for a self-signed %s certificate',
    async (keyType) => {
      const cert = new X509Certificate((await makeCertificate({ keyType, hosts: ['a.example.com'] })).certPem);
      expect(certificateSpkiSha256(cert)).toBe(spkiFingerprint(cert.publicKey));
      walked(cert);
    },
  );

  it('equals it for a CA and a leaf the CA signed, with long names', async () => {
    const ca = await makeTestCa('A CA whose name is long enough to need a long-form DER length '.repeat(4));
    const leaf = await ca.issue({
      hosts: Array.from({ length: 40 }, (_, i) => `host-${i}.example.com`),
      keyType: 'rsa',
    });
    for (const pem of [ca.certPem, leaf.certPem]) {
      const cert = new X509Certificate(pem);
      expect(certificateSpkiSha256(cert)).toBe(spkiFingerprint(cert.publicKey));
      walked(cert);
    }
  });

  it('refuses bytes that are no certificate (the hash then falls back to Node)', () => {
    expect(() => spkiBytes(Buffer.from([0x30, 0x82, 0xff]))).toThrow(RangeError);
  });
});
