import 'server-only';

import { getConfig } from '@/lib/config/env';

import { createFireblocksClient, type FireblocksClient } from './client';

export type { FireblocksClient, FireblocksResult, UpdateCallbackHandlerBody, UpdateCallbackHandlerResult, CallOptions } from './client';
export { FireblocksError, isFireblocksError, toAppError } from './errors';

let client: FireblocksClient | undefined;

/**
 * The platform fetch. In route handlers and pages Next.js wraps the global fetch for its Data Cache (Next keeps the
 * one it wrapped as `_nextOriginalFetch`); Fireblocks answers must never be cached, and the wrapper's bookkeeping
 * costs every call. Outside Next (tests, scripts) the global fetch is already the platform's.
 */
function platformFetch(): typeof fetch {
  const current = globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch };
  return current._nextOriginalFetch ?? current;
}

/**
 * The process's one Fireblocks client, built from the validated configuration on first use. Building it loads and
 * validates the secret key, so calling this at start-up turns a bad key into a clear ConfigError there.
 */
export function getFireblocks(): FireblocksClient {
  if (!client) {
    const { baseUrl, apiKey, secretKeyPem } = getConfig().fireblocks;
    client = createFireblocksClient({
      baseUrl,
      apiKey,
      privateKey: secretKeyPem,
      fetch: platformFetch(),
      // One line per retry so rate limiting and flakiness upstream are visible; nothing secret is in the event.
      retry: {
        onRetry: (e) =>
          console.warn(`[fireblocks] attempt ${e.attempt} failed (${e.status ? `HTTP ${e.status}` : e.reason}); retrying in ${e.delayMs} ms`),
      },
    });
  }
  return client;
}
