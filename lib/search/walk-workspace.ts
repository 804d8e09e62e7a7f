import 'server-only';

import { publicKeyFingerprint } from '@/lib/cosigners/api-key-summary';
import { apiUserOf, readApiUserNames, type ApiUserNames } from '@/lib/cosigners/api-user-names';
import type { FireblocksClient } from '@/lib/fireblocks';
import type { FireblocksApiKey, FireblocksCosigner } from '@/lib/fireblocks/upstream-schemas';

import type { IndexedCosigner, IndexedKey, KeyIndex } from './key-index-types';

/** Fireblocks' largest page: a 250-key cosigner is three calls. */
const PAGE_SIZE = 100;

export interface WalkWorkspaceOptions {
  fireblocks: FireblocksClient;
  /** Cosigners whose keys are read at the same time; small, so a walk never floods the API's rate limit. */
  concurrency?: number;
  signal?: AbortSignal;
  /** The clock, for `asOf`. */
  now?: () => Date;
}

/**
 * Every page of a list, in the lists' default order (DESC, newest first): the walk's third page of a cosigner's keys is
 * what its list shows as page 3 at 100 rows, and results come in the order people see them there.
 */
async function allPages<T>(read: (cursor: string | undefined) => Promise<{ data: T[]; next: string | null }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.data);
    cursor = page.next ?? undefined;
  } while (cursor);
  return items;
}

function indexKey(cosigner: IndexedCosigner, key: FireblocksApiKey, names: ApiUserNames): IndexedKey {
  const handler = key.callbackHandler;
  return {
    cosignerId: cosigner.id,
    cosignerName: cosigner.name,
    cosignerArchived: cosigner.archived,
    apiKeyId: key.id,
    lastSeen: key.lastSeen,
    url: handler?.url,
    // Hashed once here, so a search compares strings instead of parsing PEMs per request.
    publicKeyFingerprint: handler?.publicKey === undefined ? undefined : publicKeyFingerprint(handler.publicKey),
    certPublicKeyHash: handler?.certPublicKeyHash,
    apiUser: apiUserOf(names, key.id),
  };
}

const toIndexedCosigner = (c: FireblocksCosigner): IndexedCosigner => ({
  id: c.id,
  name: c.name,
  type: c.type,
  archived: c.archived,
});

/**
 * Reads the whole workspace through the signed client (its read retries and 429 handling apply to every call):
 * every page of cosigners, then every page of each cosigner's keys, `concurrency` cosigners at a time, and the API
 * users once (beside the cosigners) to name every key. Fireblocks has no search, so this walk is what the search and
 * the findings read; it is cached (get-key-index.ts), never per request. A refused or failed API users read costs
 * the names only: the index says why (`apiUsers`).
 */
export async function walkWorkspace({
  fireblocks,
  concurrency = 2,
  signal,
  now = () => new Date(),
}: WalkWorkspaceOptions): Promise<KeyIndex> {
  const asOf = now().toISOString();
  const [listed, names] = await Promise.all([
    allPages((pageCursor) =>
      fireblocks.listCosigners({ pageSize: PAGE_SIZE, order: 'DESC', pageCursor }, { signal }).then((r) => r.data),
    ),
    readApiUserNames(fireblocks, signal),
  ]);
  const cosigners = listed.map(toIndexedCosigner);

  const keysByCosigner: IndexedKey[][] = new Array<IndexedKey[]>(cosigners.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < cosigners.length) {
      const i = nextIndex++;
      const cosigner = cosigners[i];
      if (!cosigner) continue;
      const keys = await allPages((pageCursor) =>
        fireblocks
          .listApiKeys(cosigner.id, { pageSize: PAGE_SIZE, order: 'DESC', pageCursor }, { signal })
          .then((r) => r.data),
      );
      keysByCosigner[i] = keys.map((k) => indexKey(cosigner, k, names));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, cosigners.length)) }, worker));
  return { cosigners, keys: keysByCosigner.flat(), asOf, apiUsers: names.status };
}
