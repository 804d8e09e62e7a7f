import { sql, type Kysely } from 'kysely';

import type { DbEngine } from '../connect';

/**
 * PostgreSQL only: the audit chain's head read under the chain's advisory lock in one round trip
 * (lib/audit/append.ts). In a plain statement the head would be read from a snapshot taken before the lock was
 * granted, i.e. possibly before the previous holder's event committed; inside a VOLATILE function each statement
 * takes a fresh snapshot in READ COMMITTED, so the SELECT after PERFORM sees every event committed before the lock
 * was ours. SQLite needs nothing: its write lock is taken by BEGIN IMMEDIATE.
 */
export async function up(db: Kysely<unknown>, engine: DbEngine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`
    create function audit_chain_head_locked(lock_key bigint) returns table (seq bigint, hash text)
    language plpgsql volatile as $$
    begin
      perform pg_advisory_xact_lock(lock_key);
      return query select e.seq, e.hash from audit_events e order by e.seq desc limit 1;
    end $$`.execute(db);
}
