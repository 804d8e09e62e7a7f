import 'server-only';

import type { Logger } from 'pino';

import { changeNotificationOf, type ChangeMove } from './change-notification';
import { DEFAULT_WEBHOOK_POLICY, deliverWebhook, type WebhookRetryPolicy } from './deliver-webhook';

export interface NotifyQueueOptions {
  webhookUrl: URL;
  appUrl: URL;
  /** The cosigner's name for the summary line; null (or a throw) puts its id there instead. */
  cosignerName: (cosignerId: string) => Promise<string | null>;
  log: Logger;
  policy?: WebhookRetryPolicy;
  /** Notifications queued or in delivery at most; beyond it new ones are dropped (and logged), so memory stays bounded. */
  maxPending?: number;
}

export interface NotifyQueue {
  /** Queues the notification of a committed move to another state; returns at once and never throws. */
  enqueue(move: ChangeMove): void;
  /** Resolves when everything queued so far has been delivered or given up (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * The in-process delivery queue: each change's notifications leave one after another in the order they were queued
 * (a retry of one holds back the next of the same change, so a receiver sees a change's states in order), while
 * different changes do not wait for each other. Nothing here can fail or delay the change itself.
 */
export function createNotifyQueue(o: NotifyQueueOptions): NotifyQueue {
  const policy = o.policy ?? DEFAULT_WEBHOOK_POLICY;
  const maxPending = o.maxPending ?? 1_000;
  // The origin only: a Slack webhook's token is in its path, and a URL may carry user:password.
  const target = o.webhookUrl.origin;
  const tails = new Map<string, Promise<void>>();
  let pending = 0;

  async function deliver(move: ChangeMove): Promise<void> {
    const log = o.log.child({ changeId: move.change.id, from: move.from, to: move.change.state, target });
    const name = await o.cosignerName(move.change.cosigner_id).catch((error: unknown) => {
      log.warn({ err: error }, 'notification: cosigner name unavailable, using its id');
      return null;
    });
    const body = JSON.stringify(changeNotificationOf(move, o.appUrl, name));
    const outcome = await deliverWebhook(o.webhookUrl, body, policy, (failure) =>
      log.warn(failure, 'notification attempt failed'),
    );
    if (outcome.delivered) log.info({ attempts: outcome.attempts, status: outcome.status }, 'notification delivered');
    else log.error({ attempts: outcome.attempts, last: outcome.last }, 'notification not delivered; given up');
  }

  return {
    enqueue(move) {
      // A new Fireblocks status of a `sent` change updates the row but is no new state: nothing to tell.
      if (move.from === move.change.state) return;
      const changeId = move.change.id;
      if (pending >= maxPending) {
        o.log.error({ changeId, to: move.change.state, pending }, 'notification dropped: the queue is full');
        return;
      }
      pending += 1;
      const tail: Promise<void> = (tails.get(changeId) ?? Promise.resolve())
        .then(() => deliver(move))
        .catch((error: unknown) => o.log.error({ err: error, changeId }, 'notification failed'))
        .finally(() => {
          pending -= 1;
          if (tails.get(changeId) === tail) tails.delete(changeId);
        });
      tails.set(changeId, tail);
    },
    async idle() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
  };
}
