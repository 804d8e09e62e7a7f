import 'server-only';

import { sql, type RawBuilder } from 'kysely';

import type { Db, DbEngine } from '@/lib/db/connect';
import type { Tx } from '@/lib/db/transaction';

/**
 * A lease in the database that one process holds at a time: whoever holds it runs the deployment's background work.
 * Every time is the database's clock (`now()` on PostgreSQL, SQLite's own on its one machine), so replicas whose
 * clocks disagree still agree on when a lease lapses.
 */
export interface LeaseIdentity {
  /** The lease's row (`worker` for the background worker). */
  name: string;
  /** This process: one id per start, never reused. */
  holder: string;
}

export interface HeldLease {
  /** Grows by one whenever the holder changes: work started under an older term belongs to a holder that lost it. */
  term: number;
  acquiredAt: string;
  expiresAt: string;
}

/** The database's "now", and "now + ms", as ISO 8601 UTC on SQLite (the text the console stores there). */
function dbNow(engine: DbEngine): RawBuilder<string> {
  return engine === 'postgres' ? sql`now()` : sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
}
function dbNowPlus(engine: DbEngine, ms: number): RawBuilder<string> {
  return engine === 'postgres'
    ? sql`now() + ${ms / 1000}::double precision * interval '1 second'`
    : sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`+${ms / 1000} seconds`})`;
}

/**
 * Takes the lease when it is free or lapsed, or renews it when this process holds it; null when another process
 * holds it. One statement (an upsert whose update applies only `WHERE the holder is this process OR the lease has
 * lapsed`), so of replicas racing for a lapsed lease exactly one gets it: on PostgreSQL the conflicting row is locked
 * and the condition re-checked against the winner's version, on SQLite the write lock serialises them. The same SQL
 * on both engines but for the clock.
 */
export async function acquireLease(db: Db, id: LeaseIdentity, ttlMs: number): Promise<HeldLease | null> {
  const now = dbNow(db.engine);
  const { rows } = await sql<{ term: number; acquired_at: string; expires_at: string }>`
    insert into worker_lease (name, holder, term, acquired_at, renewed_at, expires_at)
    values (${id.name}, ${id.holder}, 1, ${now}, ${now}, ${dbNowPlus(db.engine, ttlMs)})
    on conflict (name) do update set
      holder = excluded.holder,
      term = case when worker_lease.holder = excluded.holder then worker_lease.term else worker_lease.term + 1 end,
      acquired_at = case when worker_lease.holder = excluded.holder
        then worker_lease.acquired_at else excluded.acquired_at end,
      renewed_at = excluded.renewed_at,
      expires_at = excluded.expires_at
    where worker_lease.holder = excluded.holder or worker_lease.expires_at <= excluded.renewed_at
    returning term, acquired_at, expires_at`.execute(db.kysely);
  const row = rows[0];
  return row ? { term: Number(row.term), acquiredAt: row.acquired_at, expiresAt: row.expires_at } : null;
}

/** Lets the lease lapse at once (a clean stop), so another replica takes it on its next tick; a no-op when not held. */
export async function releaseLease(db: Db, id: LeaseIdentity): Promise<void> {
  await sql`
    update worker_lease set expires_at = ${dbNow(db.engine)}
    where name = ${id.name} and holder = ${id.holder}`.execute(db.kysely);
}

/** Thrown inside a job's transaction when this process no longer holds the lease it started the pass under. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
  readonly code = 'lease_lost';
  constructor(leaseName: string) {
    super(`This replica no longer holds the ${leaseName} lease; another one runs the background work now.`);
  }
}

/**
 * Inside a write transaction: throws LeaseLostError unless this process still holds the lease under `term`. On
 * PostgreSQL the row is read FOR SHARE, so a takeover waits until the transaction has committed; on SQLite the
 * transaction already holds the write lock (BEGIN IMMEDIATE), so nobody can take the lease meanwhile. A write that
 * passes this check is therefore never made by a holder that has been replaced.
 */
export async function assertLeaseHeld(tx: Tx, id: LeaseIdentity, term: number): Promise<void> {
  const lock = tx.engine === 'postgres' ? sql` for share` : sql``;
  const { rows } = await sql<{ term: number }>`
    select term from worker_lease
    where name = ${id.name} and holder = ${id.holder} and term = ${term} and expires_at > ${dbNow(tx.engine)}${lock}`.execute(
    tx.kysely,
  );
  if (rows.length === 0) throw new LeaseLostError(id.name);
}
