import 'server-only';

import { createPrivateKey, type KeyObject } from 'node:crypto';

import { ConfigError } from '@/lib/config/env';

/** Below this an RSA key is not worth trusting with workspace changes (Fireblocks issues 4096-bit API users). */
const MIN_RSA_BITS = 2048;

const problem = (what: string) =>
  new ConfigError(
    `Cosigner Console cannot start; fix its configuration:\n  - FIREBLOCKS_SECRET_KEY / FIREBLOCKS_SECRET_KEY_PATH: ${what}`,
  );

/**
 * Turns the API user's secret key into a KeyObject, once, refusing anything that is not an unencrypted RSA private
 * key. Parsing up front means a bad key stops the start-up instead of failing the first request, and every request
 * after signs with a prepared key instead of re-parsing PEM. Messages name the problem, never the key's text (and
 * never OpenSSL's message, which is not ours to vouch for).
 */
export function loadSecretKey(key: string | KeyObject): KeyObject {
  const keyObject = typeof key === 'string' ? parsePem(key) : key;
  if (keyObject.type !== 'private') throw problem(`must be a private key (got a ${keyObject.type} key)`);
  if (keyObject.asymmetricKeyType !== 'rsa') {
    throw problem(
      `must be an RSA private key (got ${keyObject.asymmetricKeyType ?? 'an unknown type'}); Fireblocks signs with RS256`,
    );
  }
  const bits = keyObject.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw problem(`RSA key is ${bits} bits; at least ${MIN_RSA_BITS} required`);
  return keyObject;
}

function parsePem(text: string): KeyObject {
  const pem = text.trim();
  if (!pem.startsWith('-----BEGIN ')) throw problem('is not a PEM key (expected "-----BEGIN PRIVATE KEY-----")');
  if (/-----BEGIN (?:RSA )?PUBLIC KEY-----/.test(pem))
    throw problem('is a public key; the console needs the private key');
  if (pem.includes('-----BEGIN CERTIFICATE-----')) throw problem('is a certificate; the console needs the private key');
  if (pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || /Proc-Type:\s*4,ENCRYPTED/.test(pem)) {
    throw problem('is encrypted with a passphrase; provide the unencrypted PEM');
  }
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw problem('is not a readable PEM private key');
  }
}
