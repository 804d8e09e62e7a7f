import 'server-only';

import { LRUCache } from 'lru-cache';

import { getFireblocks, getReadBudget } from '@/lib/fireblocks';

import type { KeyIndex } from './key-index-types';
import { walkWorkspace } from './walk-workspace';

/** How long one walk serves every search and findings read of the process. */
const KEY_INDEX_TTL_MS = 30_000;
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
  /** Who asks (the session's subject): a walk they force is taken from their read budget. */
  reader?: string;
}

/** The calls a walk of `index`'s workspace makes: the cosigner pages, and each cosigner's key pages (at least one). */
function walkCalls(index: KeyIndex): number {
  const perCosigner = new Map<string, number>();
  for (const key of index.keys) perCosigner.set(key.cosignerId, (perCosigner.get(key.cosignerId) ?? 0) + 1);
  const keyPages = index.cosigners.reduce((n, c) => n + Math.max(1, Math.ceil((perCosigner.get(c.id) ?? 0) / 100)), 0);
  return Math.max(1, Math.ceil(index.cosigners.length / 100)) + keyPages;
}

/**
 * The workspace's key index: cached for KEY_INDEX_TTL_MS and shared by all requests of the process; concurrent callers
 * of a cold or expired cache wait for the same walk (lru-cache's fetch coalesces). A failed walk is not cached.
 */
export async function getKeyIndex({ refresh = false, reader }: GetKeyIndexOptions = {}): Promise<KeyIndex> {
  const cache = (holder[GLOBAL_KEY] ??= createCache());
  const cached = cache.peek(WORKSPACE);
  const forceRefresh =
    refresh && cached !== undefined && Date.now() - Date.parse(cached.asOf) >= KEY_INDEX_MIN_REFRESH_MS;
  // A walk on demand reads the whole workspace: its reads are taken from the asker's budget, as the last walk counted
  // them (the walk when the cache is cold or expired is everyone's, at most one per KEY_INDEX_TTL_MS).
  if (forceRefresh) await getReadBudget().take(reader, walkCalls(cached));
  const index = await cache.fetch(WORKSPACE, { forceRefresh });
  // Only undefined when the entry was deleted while its walk ran; nothing here deletes it.
  if (!index) throw new Error('the key index walk was abandoned');
  return index;
}
