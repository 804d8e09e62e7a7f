import { generateKeyPairSync } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { ConfigError } from '@/lib/config/env';

import { rsaTestKey } from '@/testing/fixtures/keys';
import { createFireblocksClient } from './client';
import { loadSecretKey } from './secret-key';

/** The base64 body of a PEM: the part that must never show up in a message. */
const pemBody = (pem: string) =>
  pem
    .split('\n')
    .filter((l) => l && !l.startsWith('-----'))
    .join('');

function refusal(input: Parameters<typeof loadSecretKey>[0]): ConfigError {
  try {
    loadSecretKey(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('the key was accepted');
}

describe('loadSecretKey', () => {
  const rsa = rsaTestKey();

  it('accepts an RSA private key as PKCS#8 PEM, PKCS#1 PEM or KeyObject', () => {
    expect(loadSecretKey(rsa.privatePem).asymmetricKeyType).toBe('rsa');
    const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(loadSecretKey(`\n${pkcs1}\n`).type).toBe('private');
    expect(loadSecretKey(rsa.privateKey)).toBe(rsa.privateKey);
  });

  it('refuses a public key without echoing it', () => {
    const e = refusal(rsa.publicPem);
    expect(e.message).toMatch(/public key/);
    expect(e.message).not.toContain(pemBody(rsa.publicPem).slice(0, 40));
    expect(refusal(rsa.publicKey).message).toMatch(/must be a private key/);
  });

  it('refuses an EC private key without echoing it', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const e = refusal(ec);
    expect(e.message).toMatch(/must be an RSA private key \(got ec\)/);
    expect(e.message).not.toContain(pemBody(ec).slice(0, 40));
    expect(e.message).not.toContain('PRIVATE KEY-----');
  });

  it('refuses a short RSA key', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(refusal(small).message).toMatch(/1024 bits/);
  });

  it('refuses garbage, a certificate, a damaged PEM and an encrypted key, never quoting them', () => {
    expect(refusal('hunter2-not-a-key').message).toMatch(/not a PEM key/);
    expect(refusal('hunter2-not-a-key').message).not.toContain('hunter2');
    expect(refusal('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----').message).toMatch(/certificate/);
    // Truncated DER: header, three lines of body, footer.
    const lines = rsa.privatePem.trim().split('\n');
    const damaged = [...lines.slice(0, 4), lines.at(-1)].join('\n');
    expect(refusal(damaged).message).toMatch(/not a readable PEM private key/);
    expect(refusal(damaged).message).not.toContain(pemBody(damaged).slice(0, 40));
    const encrypted = rsa.privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString();
    expect(refusal(encrypted).message).toMatch(/encrypted/);
  });

  it('names the configuration variables so the operator knows what to fix', () => {
    expect(refusal('nope').message).toContain('FIREBLOCKS_SECRET_KEY');
  });

  it('runs when the client is built, so a bad key fails before any request', () => {
    expect(() =>
      createFireblocksClient({ baseUrl: 'http://127.0.0.1:1/v1', apiKey: 'k', privateKey: rsa.publicPem }),
    ).toThrow(ConfigError);
  });
});
