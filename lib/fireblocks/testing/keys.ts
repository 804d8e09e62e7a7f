import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface TestKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  privatePem: string;
  publicPem: string;
}

const cache = new Map<number, TestKeyPair>();

/** An RSA key pair generated at test time (never a committed key), cached per process and size. */
export function rsaTestKey(bits = 2048): TestKeyPair {
  let pair = cache.get(bits);
  if (!pair) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
    pair = {
      privateKey,
      publicKey,
      privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    cache.set(bits, pair);
  }
  return pair;
}
