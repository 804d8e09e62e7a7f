import 'server-only';

import { LRUCache } from 'lru-cache';

import type { CallOptions, FireblocksClient, FireblocksResult } from './client';
import { isFireblocksError, type FireblocksError } from './fireblocks-error';
import type { ReadBudget } from './read-budget';
import {
  listPageQuerySchema,
  type ApiKeysPage,
  type CosignersPage,
  type FireblocksApiKey,
  type FireblocksCosigner,
  type ListPageQueryInput,
} from './upstream-schemas';

/** A read as served from the cache: the upstream answer and when Fireblocks gave it (epoch ms). */
interface CachedRead<T> extends FireblocksResult<T> {
  readAt: number;
}

interface ReadOptions extends CallOptions {
  /** Who is reading (the session's subject): a read that reaches Fireblocks is taken from their share (ReadBudget). */
  reader?: string;
}

/** A 404 Fireblocks gave, served again for NOT_FOUND_TTL_MS: asking for a missing id again costs nothing upstream. */
interface NotFound {
  notFound: FireblocksError;
}

/**
 * The four reads that pages and list views make, cached for a few seconds per process. Live reads that decide
 * something (the `before` of a change, the drift guard at approval, reconciliation) do not come here: they call the
 * uncached client (getFireblocks()) directly.
 */
export interface ReadCache {
  listCosigners(q?: ListPageQueryInput, o?: ReadOptions): Promise<CachedRead<CosignersPage>>;
  getCosigner(cosignerId: string, o?: ReadOptions): Promise<CachedRead<FireblocksCosigner>>;
  listApiKeys(cosignerId: string, q?: ListPageQueryInput, o?: ReadOptions): Promise<CachedRead<ApiKeysPage>>;
  getApiKey(cosignerId: string, apiKeyId: string, o?: ReadOptions): Promise<CachedRead<FireblocksApiKey>>;
  /** Forgets the key and every cached page of its cosigner's key list (a change to it was sent or moved on). */
  invalidateApiKey(cosignerId: string, apiKeyId: string): void;
}

export interface ReadCacheOptions {
  /** How long an answer is served again; default 5 s. */
  ttlMs?: number;
  /** Most answers kept (least recently used go first); default 1,000 (a 100-key page is ~40 KB). */
  max?: number;
  /** What a read that misses the cache costs its reader (read-budget.ts); none by default. */
  budget?: ReadBudget;
}

/** How long a 404 is served again: short, so a key paired meanwhile shows soon, long enough to blunt a guessing loop. */
export const NOT_FOUND_TTL_MS = 10_000;

type Entry = CachedRead<unknown> | NotFound;
type Load = () => Promise<Entry>;

const isNotFound = (entry: Entry): entry is NotFound => 'notFound' in entry;

const keyOf = (...parts: string[]) => JSON.stringify(parts);
const pageKey = (q: ListPageQueryInput) => {
  const p = listPageQuerySchema.parse(q);
  return [String(p.pageSize), p.order, p.pageCursor ?? ''];
};

/**
 * Coalescing: lru-cache's fetch() hands every caller of a key the one load in flight, so 50 viewers opening the
 * same page at once cost one upstream call. The load runs without any caller's abort signal (one viewer leaving
 * must not fail the others); each caller stops waiting on its own signal instead, and the load still fills the
 * cache. An invalidation during a load drops its answer (ignoreFetchAbort: its waiters still get it, as of when
 * they asked, but it is not stored). Errors are not cached, but for a 404, which is served again for
 * NOT_FOUND_TTL_MS. A read that misses the cache is first taken from its reader's budget (ReadOptions.reader).
 */
export function createReadCache(client: FireblocksClient, o: ReadCacheOptions = {}): ReadCache {
  const cache = new LRUCache<string, Entry, Load>({
    max: o.max ?? 1_000,
    ttl: o.ttlMs ?? 5_000,
    ignoreFetchAbort: true,
    fetchMethod: async (_key, _stale, { context, options }) => {
      const entry = await context();
      if (isNotFound(entry)) options.ttl = NOT_FOUND_TTL_MS;
      return entry;
    },
  });

  async function read<T>(key: string, load: () => Promise<FireblocksResult<T>>, ro: ReadOptions = {}) {
    // Only a read that will reach Fireblocks is charged; an answer (or a 404) in the cache costs nothing.
    if (o.budget && !cache.has(key)) await o.budget.take(ro.reader);
    const context: Load = async () => {
      try {
        return { ...(await load()), readAt: Date.now() };
      } catch (error) {
        if (isFireblocksError(error) && error.kind === 'http' && error.status === 404) return { notFound: error };
        throw error;
      }
    };
    const entry = await untilAborted(cache.fetch(key, { context }) as Promise<Entry>, ro.signal);
    if (isNotFound(entry)) throw entry.notFound;
    return entry as CachedRead<T>;
  }

  return {
    listCosigners: (q = {}, o) => read(keyOf('cosigners', ...pageKey(q)), () => client.listCosigners(q), o),
    getCosigner: (c, o) => read(keyOf('cosigner', c), () => client.getCosigner(c), o),
    listApiKeys: (c, q = {}, o) => read(keyOf('api-keys', c, ...pageKey(q)), () => client.listApiKeys(c, q), o),
    getApiKey: (c, k, o) => read(keyOf('api-key', c, k), () => client.getApiKey(c, k), o),
    invalidateApiKey(c, k) {
      cache.delete(keyOf('api-key', c, k));
      const listPrefix = keyOf('api-keys', c).slice(0, -1) + ',';
      for (const key of [...cache.keys()]) if (key.startsWith(listPrefix)) cache.delete(key);
    },
  };
}

/** The shared promise, or the caller's abort reason as soon as its signal fires (as the uncached client does). */
function untilAborted<T>(shared: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
