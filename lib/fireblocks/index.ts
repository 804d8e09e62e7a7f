import 'server-only';

import { getConfig } from '@/lib/config/env';
import { logger } from '@/lib/log/logger';

import { createFireblocksClient, type FireblocksClient } from './client';

export type {
  FireblocksClient,
  FireblocksResult,
  UpdateCallbackHandlerBody,
  UpdateCallbackHandlerResult,
  CallOptions,
} from './client';
export { FireblocksError, isFireblocksError, toAppError } from './errors';

let client: FireblocksClient | undefined;

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
  return client;
}
