import 'server-only';

import { getChangeContext } from '@/lib/changes/change-context';
import { followCadenceFor, followOpenChangesJob } from '@/lib/changes/follow-open-changes';
import { getConfig } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { logger } from '@/lib/log/logger';
import { observeWorker } from '@/lib/metrics/registry';
import { startWorker, type WorkerJob } from '@/lib/worker';

/**
 * The longest the lease lasts without a renewal. With a shorter WATCH_INTERVAL the lease is as long as the interval,
 * so a holder killed outright is replaced within 1⅓ intervals (the lease, plus one tick of a third of it).
 */
const MAX_LEASE_TTL_MS = 15_000;

/** The lease's time to live for a WATCH_INTERVAL (0: watching off). */
export function leaseTtlMsFor(watchIntervalMs: number): number {
  return watchIntervalMs > 0 ? Math.min(MAX_LEASE_TTL_MS, watchIntervalMs) : MAX_LEASE_TTL_MS;
}

/**
 * Every job of the deployment's one background worker (docs/worker.md). To add one, add its line here: a job runs in
 * the lease holder only, every `everyMs`, never two passes at once.
 */
function backgroundJobs(watchIntervalMs: number): WorkerJob[] {
  return [followOpenChangesJob(getChangeContext(), followCadenceFor(watchIntervalMs))];
}

/** Starts this replica's background worker (startServer, after migrations); stopped by the drain. */
export function startBackgroundWorker(): void {
  const { intervalMs } = getConfig().watch;
  startWorker({
    db: getDb(),
    jobs: backgroundJobs(intervalMs),
    leaseTtlMs: leaseTtlMsFor(intervalMs),
    log: logger,
    observe: observeWorker,
  });
}
