import { describe, expect, it } from 'vitest';

import { spkiFingerprint } from '@/lib/callback-handler/fingerprint';
import { garbagePem, rsa2048PublicKeyPem } from '@/testing/fixtures/pem-fixtures';

import { spkiFingerprintOfPem } from './spki-fingerprint';

describe('spkiFingerprintOfPem (browser WebCrypto)', () => {
  it('matches the server fingerprint of the same key exactly', async () => {
    const pem = rsa2048PublicKeyPem();
    expect(await spkiFingerprintOfPem(pem)).toBe(spkiFingerprint(pem));
  });

  it('tolerates CRLF line endings and surrounding whitespace', async () => {
    const pem = rsa2048PublicKeyPem();
    expect(await spkiFingerprintOfPem(`\r\n  ${pem.replace(/\n/g, '\r\n')}  `)).toBe(spkiFingerprint(pem));
  });

  it('gives null for anything that is not a public key PEM', async () => {
    expect(await spkiFingerprintOfPem('hello')).toBeNull();
    expect(await spkiFingerprintOfPem('-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----')).toBeNull();
    expect(await spkiFingerprintOfPem(garbagePem())).toBeNull();
  });
});
