import 'server-only';

import { OPEN_CHANGE_STATES, type OpenChangeRef } from '@/lib/change-model/states';

import type { Db } from './connect';

/** `cosignerId/apiKeyId`: how per-key maps (open changes, certificates on record) are keyed. */
export const keyRefOf = (cosignerId: string, apiKeyId: string) => `${cosignerId}/${apiKeyId}`;

/**
 * Every key's open change (at most one per key: the partial unique index `changes_one_open_per_key`), keyed by
 * keyRefOf. A read of the few open rows, so that findings and search say "a change is open" rather than
 * offer a fix that is already on its way.
 */
export async function readOpenChanges(db: Db): Promise<Map<string, OpenChangeRef>> {
  const rows = await db.kysely
    .selectFrom('changes')
    .select(['id', 'cosigner_id', 'api_key_id', 'state'])
    .where('state', 'in', OPEN_CHANGE_STATES)
    .execute();
  return new Map(rows.map((r) => [keyRefOf(r.cosigner_id, r.api_key_id), { id: r.id, state: r.state }]));
}
