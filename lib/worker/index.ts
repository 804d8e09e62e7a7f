import 'server-only';

import type { Db } from '@/lib/db/connect';
import { existingProcessWide, processWide } from '@/lib/runtime/process-wide';

import { readJobStates } from './job-state';
import { createWorker, type Worker, type WorkerOptions } from './worker';
import type { WorkerStatus } from './worker-api-schemas';

export type { WorkerStatus } from './worker-api-schemas';
export type { WorkerJob } from './worker';

const WORKER = 'background-worker';

/**
 * Starts this process's worker (once per process, whatever bundle asks: the server's start does). It then
 * competes for the lease on every tick; see createWorker.
 */
export function startWorker(o: WorkerOptions): Worker {
  const worker = processWide(WORKER, () => createWorker(o));
  worker.start();
  return worker;
}

/** Stops this process's worker, if it runs, and releases its lease (the drain on SIGTERM). */
export async function stopWorker(deadlineMs?: number): Promise<void> {
  await existingProcessWide<Worker>(WORKER)?.stop(deadlineMs);
}

/** Whether this process holds the worker's lease now. */
function isWorkerLeader(): boolean {
  return existingProcessWide<Worker>(WORKER)?.local().leader ?? false;
}

/**
 * The worker as the replica that reads it sees it: whether this one leads, the lease, every job's last pass (two
 * small reads); what `GET /api/worker` answers.
 */
export async function readWorkerStatus(db: Db): Promise<WorkerStatus> {
  const [lease, jobs] = await Promise.all([
    db.kysely
      .selectFrom('worker_lease')
      .select(['term', 'acquired_at', 'expires_at'])
      .where('name', '=', 'worker')
      .executeTakeFirst(),
    readJobStates(db),
  ]);
  return {
    leader: isWorkerLeader(),
    lease: lease ? { term: Number(lease.term), acquiredAt: lease.acquired_at, expiresAt: lease.expires_at } : null,
    jobs,
  };
}
