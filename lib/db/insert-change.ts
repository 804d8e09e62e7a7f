import 'server-only';

import { sql } from 'kysely';

import { OPEN_CHANGE_STATES } from '@/lib/change-model/states';

import type { ChangeRow, NewChangeRow } from './tables';
import type { Tx } from './transaction';

/** A key already has an open change: the API answers 409 change_open naming it. */
export class ChangeOpenError extends Error {
  override name = 'ChangeOpenError';
  readonly cosignerId: string;
  readonly apiKeyId: string;
  /** The change that holds the key. */
  readonly openChangeId: string;

  constructor(options: { cosignerId: string; apiKeyId: string; openChangeId: string }) {
    super(
      `API key ${options.apiKeyId} of cosigner ${options.cosignerId} already has an open change (${options.openChangeId})`,
    );
    this.cosignerId = options.cosignerId;
    this.apiKeyId = options.apiKeyId;
    this.openChangeId = options.openChangeId;
  }
}

/**
 * Inserts a change, or throws ChangeOpenError when its key already has an open one (the partial unique index
 * `changes_one_open_per_key` decides, so two replicas racing cannot both win). ON CONFLICT DO NOTHING instead of
 * catching the violation: a failed statement would abort a PostgreSQL transaction, and the caller's transaction
 * must stay usable to name the open change. SQL text rather than the builder, as lib/audit/append.ts says why.
 */
export async function insertChange(tx: Tx, change: NewChangeRow): Promise<ChangeRow> {
  const { rows } = await sql<ChangeRow>`
    insert into changes (id, cosigner_id, api_key_id, state, proposer, proposer_sub, approver, approver_sub, reason,
      before_handler, after_handler, fireblocks_request_id, fireblocks_x_request_id, last_fireblocks_status,
      decided_reason, created_at, updated_at, expires_at, closed_at, preflight, version)
    values (${change.id}, ${change.cosigner_id}, ${change.api_key_id}, ${change.state}, ${change.proposer},
      ${change.proposer_sub}, ${change.approver ?? null}, ${change.approver_sub ?? null}, ${change.reason ?? null},
      ${change.before_handler}, ${change.after_handler}, ${change.fireblocks_request_id ?? null},
      ${change.fireblocks_x_request_id ?? null}, ${change.last_fireblocks_status ?? null},
      ${change.decided_reason ?? null}, ${change.created_at}, ${change.updated_at}, ${change.expires_at ?? null},
      ${change.closed_at ?? null}, ${change.preflight ?? null}, ${change.version ?? 1})
    on conflict do nothing
    returning *`.execute(tx.kysely);
  const inserted = rows[0];
  if (inserted) return inserted;
  const open = await tx.kysely
    .selectFrom('changes')
    .select('id')
    .where('cosigner_id', '=', change.cosigner_id)
    .where('api_key_id', '=', change.api_key_id)
    .where('state', 'in', OPEN_CHANGE_STATES)
    .executeTakeFirst();
  if (!open) throw new Error(`change ${change.id} was not inserted: its id is already taken`);
  throw new ChangeOpenError({ cosignerId: change.cosigner_id, apiKeyId: change.api_key_id, openChangeId: open.id });
}
