import 'server-only';

import type { Logger } from 'pino';

import { OPEN_CHANGE_STATES } from '@/lib/change-model/states';
import type { ChangeRow } from '@/lib/db/tables';
import type { WorkerJob } from '@/lib/worker';

import type { ChangeContext } from './change-context';
import { expireIfDue } from './expire-change';
import { followChange, type FollowOptions } from './follow-change';
import { reconcileChange } from './reconcile-change';

/**
 * How often open changes are looked at: every `everyMs` (a pass of the background worker; what needs no call to
 * Fireblocks, expiry and an abandoned `sending`, is decided on every pass), and Fireblocks is asked about a change
 * every `everyMs` while it moved within RECENT_MS, every `slowMs` after that: a request waiting hours for a workspace
 * Owner's approval costs one signed read per `slowMs`, and its end is still seen within one `slowMs`.
 */
export interface FollowCadence {
  everyMs: number;
  slowMs: number;
}

/** How long after its last move a change is asked about on every pass: the next step usually follows soon. */
export const RECENT_MS = 5 * 60_000;
/** A pass's interval at most: the change page shows a request's end within a few seconds of Fireblocks. */
const FAST_MS = 2_000;
/** Fireblocks is asked about one change at a time per worker, at most this many at once. */
const CONCURRENCY = 4;

/**
 * The cadence for a WATCH_INTERVAL (0: watching off): passes every 2 s (or the interval, when shorter), a change
 * that has not moved for a while asked about once per interval (a minute when watching is off). So every state a
 * change reaches, and its notification, is recorded within one interval whether or not anyone has a page open.
 */
export function followCadenceFor(watchIntervalMs: number): FollowCadence {
  return watchIntervalMs > 0
    ? { everyMs: Math.min(FAST_MS, watchIntervalMs), slowMs: watchIntervalMs }
    : { everyMs: FAST_MS, slowMs: 60_000 };
}

/** Some open changes could not be followed this pass (each is asked about again on the next one). */
export class FollowChangesError extends Error {
  override name = 'FollowChangesError';
  readonly code = 'follow_failed';
  constructor(failed: number, open: number, first: { changeId: string; error: unknown }) {
    const why = first.error instanceof Error ? first.error.message : String(first.error);
    super(`Could not follow ${failed} of ${open} open changes; first, change ${first.changeId}: ${why}`);
  }
}

/** Whether bringing this change up to date asks Fireblocks (a status read, or the key's live handler). */
const asksFireblocks = (row: ChangeRow) => row.state === 'sent' || row.state === 'unknown';

/**
 * Brings one open change up to date: an approval-awaiting one past its expiry is `expired`; a `sent` one follows its
 * Fireblocks request; a `sending` one whose sender is gone, or an `unknown` one, is reconciled. Closed ones as they
 * are. Throws when Fireblocks could not be read.
 */
function followOpenChange(ctx: ChangeContext, row: ChangeRow, o: FollowOptions = {}): Promise<ChangeRow> {
  if (row.state === 'awaiting_approval') return expireIfDue(ctx.db, row);
  if (row.state === 'sent') return followChange(ctx, row, o);
  if (row.state === 'sending' || row.state === 'unknown') return reconcileChange(ctx, row, o);
  return Promise.resolve(row);
}

export interface FollowPassOptions extends FollowCadence {
  signal: AbortSignal;
  log: Logger;
  /** When this worker last asked Fireblocks about each change (kept between passes by the job). */
  lastAsked: Map<string, number>;
  now?: number;
}

/** Whether Fireblocks is due to be asked about `row` (a pass's timer jitter is allowed for: half a pass). */
function isDue(row: ChangeRow, o: FollowPassOptions, now: number): boolean {
  const last = o.lastAsked.get(row.id);
  if (last === undefined) return true;
  const cadence = now - Date.parse(row.updated_at) < RECENT_MS ? o.everyMs : o.slowMs;
  return now - last >= cadence - o.everyMs / 2;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * One pass over every open change (one indexed read, then only the changes that are due). Changes that could not
 * be followed do not stop the others; the pass then throws FollowChangesError naming how many, so the worker
 * records the failure. Returns how many changes moved.
 */
export async function followOpenChanges(ctx: ChangeContext, o: FollowPassOptions): Promise<number> {
  const open = await ctx.db.kysely
    .selectFrom('changes')
    .selectAll()
    .where('state', 'in', OPEN_CHANGE_STATES)
    .orderBy('updated_at')
    .execute();
  const now = o.now ?? Date.now();
  const openIds = new Set(open.map((r) => r.id));
  for (const id of o.lastAsked.keys()) if (!openIds.has(id)) o.lastAsked.delete(id);
  const failures: Array<{ changeId: string; error: unknown }> = [];
  let moved = 0;
  const due = open.filter((row) => !asksFireblocks(row) || isDue(row, o, now));
  await eachLimited(due, CONCURRENCY, async (row) => {
    if (o.signal.aborted) return;
    if (asksFireblocks(row)) o.lastAsked.set(row.id, now);
    try {
      const fresh = await followOpenChange(ctx, row, { signal: o.signal });
      if (fresh.state !== row.state) {
        moved += 1;
        o.log.info({ changeId: row.id, from: row.state, to: fresh.state }, 'change moved');
      }
    } catch (error) {
      if (o.signal.aborted) return;
      o.log.warn({ changeId: row.id, err: error }, 'could not follow a change; asked again on the next pass');
      failures.push({ changeId: row.id, error });
    }
  });
  const first = failures[0];
  if (first) throw new FollowChangesError(failures.length, open.length, first);
  return moved;
}

/** The background worker's job that follows every open change (lib/lifecycle/background-worker.ts registers it). */
export function followOpenChangesJob(ctx: ChangeContext, cadence: FollowCadence): WorkerJob {
  const lastAsked = new Map<string, number>();
  return {
    name: 'follow-changes',
    everyMs: cadence.everyMs,
    run: async ({ signal, log }) => {
      await followOpenChanges(ctx, { ...cadence, signal, log, lastAsked });
    },
  };
}
