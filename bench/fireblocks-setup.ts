import { readFileSync } from 'node:fs';

import { ensureDevKeys } from '../stack/dev-keys';

export interface BenchApiUser {
  apiKey: string;
  privateKeyPem: string;
  publicKeyPem: string;
  publicKeyPath: string;
}

let cached: BenchApiUser | undefined;

/** The dev API user's RSA-4096 key from `.dev/` (generated there on first use), the key every request pays for. */
export function benchApiUser(): BenchApiUser {
  if (!cached) {
    const keys = ensureDevKeys();
    cached = {
      apiKey: keys.apiKey,
      privateKeyPem: readFileSync(keys.privateKeyPath, 'utf8'),
      publicKeyPem: keys.publicKeyPem,
      publicKeyPath: keys.publicKeyPath,
    };
  }
  return cached;
}

/** Runs `fns` in turn `rounds` times, rotating which goes first so drift and warm-up bias spread evenly. */
export async function interleave(rounds: number, fns: Array<() => unknown>): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < fns.length; i++) await fns[(i + r) % fns.length]!();
  }
}
