import type { SimApiKey } from '../types';
import { derivedInt, derivedUuid } from './derive';
import { SEED_RSA_PUBLIC_KEYS } from './public-keys';

/** The cosigner the findings' keys are added to: the last live one that e2e journeys draw keys from. */
export const FINDING_KEYS_COSIGNER = 'Staking Confidential Space';

/** What each added key shows on the findings page (lib/findings). */
export type FindingKeyRole = 'misrouted' | 'sharedUrl' | 'notSeen';

const DAY_MS = 86_400_000;

/**
 * The 250-key cosigner's key that search journeys look for on its third page (100 rows, newest first: indexes 49..0
 * in creation order): the first with a pinned certificate (a fingerprint no other key has) among indexes 40-49, no
 * test's key. Its host is made unique, so a part of it finds this key alone.
 */
const SEARCH_KEY_INDEXES = { from: 40, to: 49 } as const;
export const SEARCH_KEY_URL = 'https://vault-frankfurt.treasury-eu.acme-capital.example/fireblocks';

export function searchKeyOf(keys: readonly SimApiKey[]): SimApiKey | undefined {
  const candidates = keys.slice(SEARCH_KEY_INDEXES.from, SEARCH_KEY_INDEXES.to + 1);
  return candidates.find((k) => k.callbackHandler?.certPublicKeyHash) ?? candidates.find((k) => k.callbackHandler);
}

export const findingKeyId = (seed: number, role: FindingKeyRole) => derivedUuid(seed, `finding-key:${role}`);

/**
 * Keys that make the findings page show each kind the seed does not already guarantee: appended after the cosigner's
 * generated keys, so no existing key's id, index or handler moves (testing/e2e/seed-keys.ts counts keys by kind in order).
 * `sharedUrl` uses the callback URL of `sharedUrlOf`, a key of another cosigner.
 */
export function findingKeys(seed: number, epochMs: number, sharedUrlOf: string): Record<FindingKeyRole, SimApiKey> {
  const key = (role: FindingKeyRole, url: string, seenDaysAgo: number): SimApiKey => ({
    id: findingKeyId(seed, role),
    lastSeen: new Date(epochMs - seenDaysAgo * DAY_MS).toISOString(),
    callbackHandler: {
      url,
      publicKey: SEED_RSA_PUBLIC_KEYS[derivedInt(seed, `finding-key:${role}:pk`, SEED_RSA_PUBLIC_KEYS.length)],
    },
  });
  const base = 'https://callbacks.staking.acme-capital.example';
  return {
    // The route the Co-Signer appends itself, on a public-key handler: the one-click fix opens a complete form.
    misrouted: key('misrouted', `${base}/fireblocks/v2/tx_sign_request`, 0.5),
    sharedUrl: key('sharedUrl', sharedUrlOf, 1),
    // A host longer than a phone's line (72 characters): small screens must hold it without widening the page.
    notSeen: key(
      'notSeen',
      'https://callbacks.staking-validators.frankfurt-1.eu.acme-capital-holdings.example/fireblocks',
      45,
    ),
  };
}
