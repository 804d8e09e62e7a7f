import { createPublicKey, type KeyObject } from 'node:crypto';

import type { ApiUser, SimApiUser } from '../types';

/**
 * The registered API users: API key -> RSA public key. Fireblocks verifies each JWT with the key whose CSR
 * was uploaded for that API user; here the public key (or a certificate holding it) is given directly.
 */
export function loadApiUsers(users: ApiUser[]): Map<string, KeyObject> {
  const map = new Map<string, KeyObject>();
  for (const { apiKey, publicKeyPem } of users) {
    if (!apiKey.trim()) throw new Error('API user with an empty API key');
    // createPublicKey would quietly derive the public half of a private key: refuse it so a private key
    // file passed by mistake is noticed (and never held by the simulator).
    if (publicKeyPem.includes('PRIVATE KEY')) {
      throw new Error(`API user ${apiKey}: expected a public key or certificate PEM, got a private key`);
    }
    let key: KeyObject;
    try {
      key = createPublicKey(publicKeyPem);
    } catch {
      throw new Error(`API user ${apiKey}: not a readable public key or certificate PEM`);
    }
    if (key.asymmetricKeyType !== 'rsa') {
      throw new Error(
        `API user ${apiKey}: Fireblocks API users sign with RSA, got ${key.asymmetricKeyType ?? 'unknown'}`,
      );
    }
    map.set(apiKey, key);
  }
  return map;
}

/** The registered API users as `GET /v1/management/api_users` lists them (named after their key unless given a name). */
export function registeredApiUsers(users: ApiUser[]): SimApiUser[] {
  return users.map((u) => ({
    id: u.apiKey,
    name: u.name ?? `API user ${u.apiKey.slice(0, 8)}`,
    role: u.role ?? 'NON_SIGNING_ADMIN',
    enabled: true,
    status: 'READY',
    userType: 'API',
  }));
}
