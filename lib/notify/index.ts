import 'server-only';

import { getConfig, getNotifyConfig } from '@/lib/config/env';
import { getFireblocks } from '@/lib/fireblocks';
import { logger } from '@/lib/log/logger';

import type { ChangeMove } from './change-notification';
import { createNotifyQueue, type NotifyQueue } from './notify-queue';

export type { ChangeMove, ChangeNotification } from './change-notification';

// On globalThis rather than in this module: Next bundles instrumentation.ts (which reconciles changes at start) apart
// from the routes, each with its own copy of this module, and one queue per process keeps a change's states in order.
const QUEUE = Symbol.for('cosigner-console.notify-queue');
type WithQueue = typeof globalThis & { [QUEUE]?: NotifyQueue };

function processQueue(webhookUrl: URL): NotifyQueue {
  const g = globalThis as WithQueue;
  g[QUEUE] ??= createNotifyQueue({
    webhookUrl,
    appUrl: getConfig().appUrl,
    cosignerName: async (cosignerId) =>
      (await getFireblocks().getCosigner(cosignerId, { signal: AbortSignal.timeout(5_000) })).data.name ?? null,
    log: logger.child({ component: 'notify' }),
  });
  return g[QUEUE];
}

/**
 * Tells NOTIFY_WEBHOOK_URL, if set, that a change moved. Call it after the move committed (the receiver must never
 * hear of a state that was rolled back). Returns at once: delivery, retries and their errors happen in the
 * background and never reach the caller.
 */
export function notifyChangeMoved(move: ChangeMove): void {
  try {
    const { webhookUrl } = getNotifyConfig();
    if (webhookUrl) processQueue(webhookUrl).enqueue(move);
  } catch (error) {
    logger.error({ err: error, changeId: move.change.id }, 'notification not queued');
  }
}
