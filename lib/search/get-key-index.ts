import 'server-only';

import { LRUCache } from 'lru-cache';

import { getFireblocks } from '@/lib/fireblocks';

import type { KeyIndex } from './key-index-types';
import { walkWorkspace } from './walk-workspace';

/** How long one walk serves every search and findings read of the process. */
export const KEY_INDEX_TTL_MS = 30_000;
/** A refresh asked for sooner than this after the last walk returns that walk: a button cannot drive a walk loop. */
export const KEY_INDEX_MIN_REFRESH_MS = 5_000;

const WORKSPACE = 'workspace';

function createCache(): LRUCache<string, KeyIndex> {
  return new LRUCache<string, KeyIndex>({
    max: 1,
    ttl: KEY_INDEX_TTL_MS,
    // Not tied to any request's signal: the walk is shared, and one caller going away must not fail the others.
    fetchMethod: () => walkWorkspace({ fireblocks: getFireblocks() }),
  });
}

// On globalThis so every route bundle of the server process shares one cache (and one walk in flight).
const GLOBAL_KEY = Symbol.for('cosigner-console.key-index');
const holder = globalThis as typeof globalThis & { [GLOBAL_KEY]?: LRUCache<string, KeyIndex> };

export interface GetKeyIndexOptions {
  /** Walk again unless the cached walk is younger than KEY_INDEX_MIN_REFRESH_MS. */
  refresh?: boolean;
}

/**
 * The workspace's key index: cached for KEY_INDEX_TTL_MS and shared by all requests of the process; concurrent callers
 * of a cold or expired cache wait for the same walk (lru-cache's fetch coalesces). A failed walk is not cached.
 */
export async function getKeyIndex({ refresh = false }: GetKeyIndexOptions = {}): Promise<KeyIndex> {
  const cache = (holder[GLOBAL_KEY] ??= createCache());
  const cached = cache.peek(WORKSPACE);
  const forceRefresh =
    refresh && cached !== undefined && Date.now() - Date.parse(cached.asOf) >= KEY_INDEX_MIN_REFRESH_MS;
  const index = await cache.fetch(WORKSPACE, { forceRefresh });
  // Only undefined when the entry was deleted while its walk ran; nothing here deletes it.
  if (!index) throw new Error('the key index walk was abandoned');
  return index;
}
