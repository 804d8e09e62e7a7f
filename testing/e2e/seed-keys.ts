import { editGateOf } from '../../lib/cosigners/edit-gate';
import { buildSeed, DEFAULT_SEED, type KeyRef } from '../../sim/seed';
import type { SimApiKey } from '../../sim/types';

type Kind = 'publicKey' | 'cert' | 'none';

const kindOf = (k: SimApiKey): Kind =>
  k.callbackHandler?.publicKey ? 'publicKey' : k.callbackHandler?.certPublicKeyHash ? 'cert' : 'none';

/**
 * The `n`th key of a kind across the seeded workspace's editable cosigners (not archived, not below the version
 * the API needs: lib/cosigners/edit-gate.ts), outside the 250-key one.
 * Each journey that changes a key takes its own `n`, so journeys never trip over each other's changes.
 */
export function seededKey(kind: Kind, n: number, seed = DEFAULT_SEED): KeyRef & { apiKey: SimApiKey } {
  const matches = buildSeed(seed)
    .filter((c) => editGateOf(c.cosigner).editable && c.keys.length < 250)
    .flatMap((c) =>
      c.keys
        .filter((k) => kindOf(k) === kind)
        .map((apiKey) => ({ cosignerId: c.cosigner.id, apiKeyId: apiKey.id, apiKey })),
    );
  const found = matches[n];
  if (!found) throw new Error(`the seed has only ${matches.length} keys with ${kind}`);
  return found;
}
