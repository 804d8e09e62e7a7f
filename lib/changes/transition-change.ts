import 'server-only';

import { sql } from 'kysely';

import { appendAuditEvent, type AppendAuditEventInput } from '@/lib/audit/append';
import type { Db } from '@/lib/db/connect';
import { isAllowedMove, isOpenChangeState, type ChangeState, type Mover } from '@/lib/change-model/states';
import type { ChangeRow, ChangeRowUpdate } from '@/lib/db/tables';
import { transaction } from '@/lib/db/transaction';
import { notifyChangeMoved } from '@/lib/notify';
import { invalidateApiKeyReads } from '@/lib/fireblocks';

export interface ChangeTransition {
  /** The states the change may be in for the transition to apply. */
  from: readonly ChangeState[];
  to: ChangeState;
  /** Other columns to set (Fireblocks ids, last status, decided reason). */
  set?: Omit<ChangeRowUpdate, 'id' | 'state' | 'version' | 'updated_at' | 'closed_at'>;
  /** The event that records it; change and key ids and the time are the change's and the update's. */
  event: Omit<AppendAuditEventInput, 'changeId' | 'cosignerId' | 'apiKeyId' | 'at'>;
  /**
   * Applies only while the change is not past its `expires_at`, judged in the UPDATE itself at the time it runs: a
   * decision read before the expiry must not land after it (an approval that took a while to check the live handler).
   */
  unexpired?: boolean;
}

/** Who makes a move: the console itself (no actor), the change's proposer, or another admin. */
function moverOf(read: ChangeRow, actor: { sub: string } | null | undefined): Exclude<Mover, 'any_admin'> {
  if (!actor) return 'console';
  return actor.sub === read.proposer_sub ? 'proposer' : 'another_admin';
}

/**
 * Throws when a move is not in the table of allowed moves (lib/change-model/states.ts): a caller asking for one is
 * a bug, and nothing is written.
 */
export function assertAllowedMove(move: Parameters<typeof isAllowedMove>[0]): void {
  if (!isAllowedMove(move))
    throw new Error(
      `not an allowed move of a change: ${move.from ?? '(new)'} -> ${move.to} by ${move.by} (${move.event})`,
    );
}

/** Reads one change; undefined when there is none with that id. */
export function readChange(db: Db, changeId: string): Promise<ChangeRow | undefined> {
  return db.kysely.selectFrom('changes').selectAll().where('id', '=', changeId).executeTakeFirst();
}

/**
 * Moves a change from the row as read to `to` and appends the event that says so, in one transaction: the change
 * and its event commit together or not at all. One conditional UPDATE: it applies only `WHERE version = <read> AND
 * state IN (from)`, so of two replicas recording the same observation (or twenty admins approving at once) only one
 * wins, and only the winner appends an event. Returns the updated row, or null when the change is not in a `from`
 * state or someone else updated it since it was read (the caller reads it again and decides afresh). A move that
 * committed is then handed to the notifier (NOTIFY_WEBHOOK_URL), which never delays or fails it. The UPDATE is SQL
 * text rather than the builder, as lib/audit/append.ts says why. Every `from` state, with `to`, the mover and the
 * event, must be a move of the table (assertAllowedMove).
 */
export async function transitionChange(db: Db, read: ChangeRow, t: ChangeTransition): Promise<ChangeRow | null> {
  const by = moverOf(read, t.event.actor);
  for (const from of t.from) assertAllowedMove({ from, to: t.to, by, event: t.event.kind });
  if (!t.from.includes(read.state)) return null;
  let now = '';
  const updated = await transaction(db, async (tx) => {
    // Taken once the transaction holds the write lock (SQLite: BEGIN IMMEDIATE), not before waiting for it, so the
    // times a move records (updated_at, a sending change's deadline, the expiry check) are when it really happened.
    now = new Date().toISOString();
    const columns: ChangeRowUpdate = {
      ...t.set,
      state: t.to,
      updated_at: now,
      closed_at: isOpenChangeState(t.to) ? null : now,
      version: read.version + 1,
    };
    const assignments = Object.entries(columns)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
    const { rows } = await sql<ChangeRow>`
      update changes set ${sql.join(assignments)}
      where id = ${read.id} and version = ${read.version} and state in (${sql.join(t.from)})
        ${t.unexpired ? sql`and (expires_at is null or expires_at > ${now})` : sql``}
      returning *`.execute(tx.kysely);
    const row = rows[0];
    if (!row) return null;
    await appendAuditEvent(tx, {
      ...t.event,
      at: now,
      changeId: read.id,
      cosignerId: read.cosigner_id,
      apiKeyId: read.api_key_id,
    });
    return row;
  });
  // After commit: the key may have changed upstream (sent, completed, or an outcome to reconcile), so this replica
  // reads it afresh; other replicas' caches expire within their few seconds.
  if (updated) invalidateApiKeyReads(read.cosigner_id, read.api_key_id);
  if (updated) notifyChangeMoved({ change: updated, from: read.state, actor: t.event.actor ?? null });
  return updated;
}
