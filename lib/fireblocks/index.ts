import 'server-only';

import { getConfig } from '@/lib/config/env';
import { logger } from '@/lib/log/logger';
import { observeUpstream } from '@/lib/metrics/registry';
import { existingProcessWide, processWide } from '@/lib/runtime/process-wide';

import { createFireblocksClient, type FireblocksClient } from './client';
import { createReadBudget, type ReadBudget } from './read-budget';
import { createReadCache, type ReadCache } from './read-cache';
import { createUpstreamGate, type UpstreamLane } from './upstream-gate';

export type { FireblocksClient } from './client';
export { FireblocksError, isFireblocksError, toAppError } from './fireblocks-error';
export type { ReadCache } from './read-cache';

/**
 * The process's one Fireblocks client, built from the validated configuration on first use. Building it loads and
 * validates the secret key, so calling this at start-up turns a bad key into a clear ConfigError there. Its reads
 * are live (uncached): use it where the answer decides something (a change's `before`, the drift guard, reconciling);
 * pages and list views read through getReadCache().
 */
export function getFireblocks(): FireblocksClient {
  return processWide('fireblocks-client', () => createProcessClient('read'));
}

/**
 * The same client for the change record (lib/changes): its reads (a change's `before`, the drift guard, following
 * and reconciling a change) wait in the gate's `write` lane with the PATCH, so a 429 earned by people's reads never
 * holds back an approval; they are never taken from the read budget either.
 */
export function getFireblocksForChanges(): FireblocksClient {
  return processWide('fireblocks-client-changes', () => createProcessClient('write'));
}

function createProcessClient(readLane: UpstreamLane): FireblocksClient {
  const { baseUrl, apiKey, secretKeyPem } = getConfig().fireblocks;
  return createFireblocksClient({
    baseUrl,
    apiKey,
    privateKey: secretKeyPem,
    // Every request of the process shares one rate-limit budget with Fireblocks, in two lanes.
    gate: processWide('fireblocks-gate', () => createUpstreamGate()),
    readLane,
    observe: observeUpstream,
    // One line per retry so rate limiting and flakiness upstream are visible; nothing secret is in the event.
    retry: {
      onRetry: (e) =>
        logger.warn(
          { attempt: e.attempt, status: e.status, reason: e.reason, delayMs: e.delayMs },
          'fireblocks read failed; retrying',
        ),
    },
  });
}

/** The process's read budget (read-budget.ts): what people's views may spend of the Fireblocks budget. */
export function getReadBudget(): ReadBudget {
  return processWide('fireblocks-read-budget', () => createReadBudget(getConfig().fireblocks.readBudgetPerMinute));
}

const READ_CACHE = 'fireblocks-read-cache';

/**
 * The process's read cache over getFireblocks(): the four reads of pages and list views, served again for 5 s and
 * coalesced (concurrent callers of the same read share one upstream call). See read-cache.ts.
 */
export function getReadCache(): ReadCache {
  return processWide(READ_CACHE, () => createReadCache(getFireblocks(), { budget: getReadBudget() }));
}

/** Drops what this process has cached of a key and its cosigner's key list (nothing when nothing was read yet). */
export function invalidateApiKeyReads(cosignerId: string, apiKeyId: string): void {
  existingProcessWide<ReadCache>(READ_CACHE)?.invalidateApiKey(cosignerId, apiKeyId);
}
