// @peculiar/x509 (the independent parser here) needs the Reflect metadata API before it loads.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';

import * as fx from '@/testing/fixtures/pem-fixtures';

import { certFingerprint, certPublicKeyHash, spkiFingerprint } from './fingerprint';
import { formatFingerprint } from './format';

/** openssl, when the machine has it: the independent reference for what these hashes should be. */
function openssl(args: string[], input: string | Buffer): Buffer | null {
  try {
    return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'ignore'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const sha256 = (bytes: ArrayBuffer | Buffer): string =>
  createHash('sha256')
    .update(Buffer.from(bytes as ArrayBuffer))
    .digest('hex');

let certPem = '';
beforeAll(async () => {
  certPem = await fx.validCertPem();
});

describe('fingerprints match an independent computation', () => {
  it('spkiFingerprint of an RSA-2048 public key = SHA-256 of the PEM body (which is the SPKI DER)', () => {
    const pem = fx.rsa2048PublicKeyPem();
    expect(spkiFingerprint(pem)).toBe(sha256(Buffer.from(fx.pemBody(pem), 'base64')));
    const der = openssl(['pkey', '-pubin', '-outform', 'DER'], pem);
    if (der) expect(spkiFingerprint(pem)).toBe(sha256(der));
  });

  it('certPublicKeyHash = SHA-256 of the certificate SPKI, as @peculiar/x509 and openssl extract it', () => {
    const spki = new x509.X509Certificate(certPem).publicKey.rawData;
    expect(certPublicKeyHash(certPem)).toBe(sha256(spki));
    const pubPem = openssl(['x509', '-pubkey', '-noout'], certPem);
    const der = pubPem && openssl(['pkey', '-pubin', '-outform', 'DER'], pubPem);
    if (der) expect(certPublicKeyHash(certPem)).toBe(sha256(der));
  });

  it('certPublicKeyHash equals the fingerprint of the public key the certificate was made for', async () => {
    const fixture = await fx.makeCertificate();
    expect(certPublicKeyHash(fixture.certPem)).toBe(spkiFingerprint(fixture.publicKeyPem));
  });

  it('certFingerprint = what openssl x509 -fingerprint -sha256 prints', () => {
    expect(certFingerprint(certPem)).toBe(sha256(new x509.X509Certificate(certPem).rawData));
    const out = openssl(['x509', '-noout', '-fingerprint', '-sha256'], certPem)?.toString();
    if (out) expect(out.trim().split('=')[1]).toBe(formatFingerprint(certFingerprint(certPem)));
  });

  it('refuses to fingerprint a private key', () => {
    expect(() => spkiFingerprint(fx.pkcs8PrivateKeyPem())).toThrow(/private key/);
  });
});
