import 'server-only';

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Logger } from 'pino';

import type { Db } from '@/lib/db/connect';
import type { Tx } from '@/lib/db/transaction';

import { recordPass } from './job-state';
import type { JobError } from './worker-api-schemas';
import { acquireLease, assertLeaseHeld, releaseLease, type LeaseIdentity } from './lease';

/** One pass of a job, as the worker hands it over. */
interface JobPass {
  /**
   * Aborted when this replica loses the lease or stops (drain): stop at the next safe point. Pass it to upstream
   * calls so a stop does not wait for them.
   */
  signal: AbortSignal;
  /**
   * Inside a write transaction: throws (code `lease_lost`) unless this replica still holds the lease the pass started
   * under, and keeps it held until the transaction commits. For jobs whose writes must never come from two replicas
   * (state transitions guarded by their own optimistic version need not).
   */
  assertLeader: (tx: Tx) => Promise<void>;
  /** A logger naming the job. */
  log: Logger;
}

/** A job of the background worker: runs in the lease holder only, every `everyMs`, never two passes at once. */
export interface WorkerJob {
  /** Unique, kebab-case: names its state row, its log lines and its metric label. */
  name: string;
  /** Time between the starts of two passes. A pass still running when the next is due makes that one skipped. */
  everyMs: number;
  /** One pass. A throw is recorded (log line, metric, state row) and the next pass runs as usual. */
  run(pass: JobPass): Promise<void>;
}

export type PassOutcome = 'ok' | 'error' | 'skipped';

export interface WorkerObserver {
  pass?(job: string, outcome: PassOutcome, seconds: number): void;
  leader?(leading: boolean): void;
}

export interface WorkerOptions {
  db: Db;
  jobs: readonly WorkerJob[];
  /**
   * How long the lease lasts without a renewal. The holder renews it on every tick (at most a third of this), so a
   * holder killed outright is replaced within leaseTtlMs plus one tick.
   */
  leaseTtlMs: number;
  log: Logger;
  /** Told of every pass's outcome and of every change of leadership (metrics). */
  observe?: WorkerObserver;
  /** The lease's name: `worker` (tests run several workers on one database). */
  leaseName?: string;
}

/** What this process knows of the worker right now. */
interface WorkerLocalState {
  /** Whether this process holds the lease (as of its last tick). */
  leader: boolean;
  /** The lease's term while leader. */
  term: number | null;
  /** The jobs with a pass running in this process. */
  running: string[];
}

export interface Worker {
  readonly holder: string;
  /** Takes the lease at once if it is free, then ticks until stop(). */
  start(): void;
  /**
   * Stops ticking, aborts running passes and waits for them (up to `deadlineMs`), then lets the lease lapse at once so
   * another replica takes over on its next tick.
   */
  stop(deadlineMs?: number): Promise<void>;
  local(): WorkerLocalState;
  /** One tick now (tests): renew or take the lease, and start the passes that are due. */
  tick(): Promise<void>;
  /** Resolves when no pass is running (tests). */
  idle(): Promise<void>;
}

const MIN_TICK_MS = 100;

/** The tick: often enough to renew the lease three times per TTL and to start the most frequent job on time. */
export function tickMsFor(leaseTtlMs: number, jobs: readonly WorkerJob[]): number {
  return Math.max(MIN_TICK_MS, Math.min(leaseTtlMs / 3, ...jobs.map((j) => j.everyMs)));
}

const errorOf = (error: unknown, at: number): JobError => ({
  code:
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : 'error',
  message: error instanceof Error ? error.message : String(error),
  at: new Date(at).toISOString(),
});

interface JobSlot {
  job: WorkerJob;
  nextDueAt: number;
  running?: Promise<void>;
}

/**
 * The deployment's one background worker. Every replica runs one; on each tick each tries to take or renew the lease
 * (lib/worker/lease.ts), and only the holder starts the passes that are due. A pass is skipped (counted, not queued)
 * while the previous one of the same job still runs. Losing the lease (another replica took it, or the database
 * could not be reached to renew it) aborts the running passes' signal at once.
 */
export function createWorker(o: WorkerOptions): Worker {
  const id: LeaseIdentity = {
    name: o.leaseName ?? 'worker',
    holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  };
  const log = o.log.child({ component: 'worker' });
  const tickMs = tickMsFor(o.leaseTtlMs, o.jobs);
  const slots: JobSlot[] = o.jobs.map((job) => ({ job, nextDueAt: 0 }));
  let term: number | null = null;
  let leading = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let stopped = false;

  const running = () => slots.flatMap((s) => (s.running ? [s.running] : []));

  function lose(reason: string): void {
    if (term === null) return;
    log.warn({ term, reason }, 'background worker: lease lost; passes stopped');
    term = null;
    leading.abort(new Error(reason));
    o.observe?.leader?.(false);
  }

  async function runPass(slot: JobSlot, signal: AbortSignal, passTerm: number): Promise<void> {
    const { job } = slot;
    const jobLog = log.child({ job: job.name });
    const startedAt = Date.now();
    let error: JobError | null = null;
    try {
      await job.run({ signal, log: jobLog, assertLeader: (tx) => assertLeaseHeld(tx, id, passTerm) });
    } catch (err) {
      error = errorOf(err, Date.now());
      if (!signal.aborted) jobLog.error({ err }, 'background job failed');
    }
    const finishedAt = Date.now();
    o.observe?.pass?.(job.name, error ? 'error' : 'ok', (finishedAt - startedAt) / 1000);
    // A pass cut short by a lost lease or a stop is not the job's record to write: the new holder's passes are.
    if (signal.aborted) return;
    await recordPass(o.db, { name: job.name, everyMs: job.everyMs, startedAt, finishedAt, error }).catch(
      (err: unknown) => jobLog.warn({ err }, 'could not record a background job pass'),
    );
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    let lease;
    try {
      lease = await acquireLease(o.db, id, o.leaseTtlMs);
    } catch (err) {
      log.warn({ err }, 'background worker: could not reach the database to hold the lease');
      lease = null;
    }
    if (stopped) return;
    if (!lease || (term !== null && lease.term !== term)) lose(lease ? 'the lease changed hands' : 'lease not held');
    if (!lease) return;
    if (term === null) {
      term = lease.term;
      leading = new AbortController();
      log.info({ term, holder: id.holder }, 'background worker: lease taken; this replica runs the background jobs');
      o.observe?.leader?.(true);
    }
    const now = Date.now();
    for (const slot of slots) {
      // Half a tick early is on time: a job as frequent as the tick must not slip to every other tick on timer lag.
      if (now < slot.nextDueAt - tickMs / 2) continue;
      slot.nextDueAt = now + slot.job.everyMs;
      if (slot.running) {
        o.observe?.pass?.(slot.job.name, 'skipped', 0);
        continue;
      }
      const done = runPass(slot, leading.signal, term).finally(() => {
        if (slot.running === done) slot.running = undefined;
      });
      slot.running = done;
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      ticking = tick().finally(schedule);
    }, tickMs);
    timer.unref();
  }

  return {
    holder: id.holder,
    start() {
      if (timer || ticking || stopped) return;
      ticking = tick().finally(schedule);
    },
    async stop(deadlineMs = 10_000) {
      stopped = true;
      clearTimeout(timer);
      leading.abort(new Error('the worker is stopping'));
      await Promise.race([Promise.allSettled([ticking, ...running()]), sleep(deadlineMs, undefined, { ref: false })]);
      if (term !== null) o.observe?.leader?.(false);
      term = null;
      // Always: a tick in flight when stop() began may have just taken the lease. A no-op unless this process holds it.
      await releaseLease(o.db, id).catch((err: unknown) => log.warn({ err }, 'could not release the lease'));
      log.info('background worker stopped; its lease, if it held it, is released');
    },
    local: () => ({
      leader: term !== null,
      term,
      running: slots.filter((s) => s.running !== undefined).map((s) => s.job.name),
    }),
    tick,
    async idle() {
      while (running().length > 0) await Promise.allSettled(running());
    },
  };
}
