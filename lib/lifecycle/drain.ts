import 'server-only';

import { setTimeout as sleep } from 'node:timers/promises';

import { getConfig, signalsLeftToApp } from '@/lib/config/env';
import { closeDb } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { logger } from '@/lib/log/logger';
import { stopWorker } from '@/lib/worker';

/**
 * Longer than the Fireblocks client's PATCH timeout (10 s): by then every change in flight has settled itself
 * (`sent`, `failed`, or `unknown` when Fireblocks did not answer). Past it the process exits anyway; a change still
 * `sending` is then what a kill -9 leaves, and another replica (or this one, restarted) reconciles it.
 */
export const DRAIN_DEADLINE_MS = 12_000;
/** What a draining replica tells a caller: by then the load balancer has moved them to another replica. */
const DRAINING_RETRY_AFTER_SEC = 5;
/** After the last change finished, time for its answer to be written before the process exits. */
const RESPONSE_FLUSH_MS = 500;

interface LifecycleState {
  draining: boolean;
  inFlight: Set<Promise<unknown>>;
  installed: boolean;
}

/**
 * On globalThis, not in module scope: instrumentation.ts (which installs the signal handler) and the route handlers
 * are bundled apart, and each bundle would otherwise hold a copy of this module and its state.
 */
const STATE_KEY = Symbol.for('cosigner-console.lifecycle');
const state = ((globalThis as { [STATE_KEY]?: LifecycleState })[STATE_KEY] ??= {
  draining: false,
  inFlight: new Set(),
  installed: false,
});

/** Whether this replica is shutting down (readiness answers 503, new changes are refused). */
export function isDraining(): boolean {
  return state.draining;
}

/**
 * Runs the work of a change request (propose, approve) unless the replica is draining: then 503 `draining` with
 * Retry-After, before anything is recorded. Work accepted is waited for by the drain.
 */
export async function acceptingChanges<T>(work: () => Promise<T>): Promise<T> {
  if (state.draining) {
    throw new AppError({
      status: 503,
      code: 'draining',
      message: 'This server is shutting down and takes no new changes; try again in a moment.',
      retryAfter: DRAINING_RETRY_AFTER_SEC,
    });
  }
  const running = work();
  state.inFlight.add(running);
  try {
    return await running;
  } finally {
    state.inFlight.delete(running);
  }
}

/** Stops taking changes and waits for those in flight, up to `deadlineMs`; says whether they all finished. */
export async function drain(deadlineMs = DRAIN_DEADLINE_MS): Promise<{ finished: boolean; left: number }> {
  state.draining = true;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
  });
  const finished = await Promise.race([Promise.allSettled([...state.inFlight]).then(() => true), deadline]);
  clearTimeout(timer);
  return { finished, left: state.inFlight.size };
}

/**
 * On SIGTERM or SIGINT: drain, and meanwhile stop the background worker (its passes end, its lease is released so
 * another replica takes over at once), close the database, exit 0. Installed only when `next start` leaves the signals to
 * the app (NEXT_MANUAL_SIG_HANDLE); otherwise Next.js closes the listener and exits on its own (logged in production).
 */
export function installDrainOnSignals(): void {
  if (state.installed) return;
  if (!signalsLeftToApp()) {
    // `next dev` never leaves them (nor needs a drain); a production start should.
    if (getConfig().production)
      logger.warn('NEXT_MANUAL_SIG_HANDLE is not set: Next.js handles SIGTERM itself and this replica will not drain');
    return;
  }
  state.installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.draining) return;
    logger.info({ signal, inFlight: state.inFlight.size }, 'draining: no new changes; waiting for those in flight');
    const worker = stopWorker(DRAIN_DEADLINE_MS);
    void drain()
      .then(async ({ finished, left }) => {
        await worker;
        if (finished) logger.info('drained: every change in flight has finished');
        else logger.warn({ left }, 'drain deadline passed: exiting with changes still in flight');
        return sleep(RESPONSE_FLUSH_MS).then(closeDb);
      })
      .catch((err: unknown) => logger.error({ err }, 'error while draining'))
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
