import 'server-only';

import type { Db } from '@/lib/db/connect';
import type { ChangeState } from '@/lib/change-model/states';
import type { ChangeRow } from '@/lib/db/tables';
import type { FireblocksRequestStatus } from '@/lib/fireblocks/upstream-schemas';

import { readChange, transitionChange } from './transition-change';

const OUTCOMES: Partial<
  Record<
    FireblocksRequestStatus,
    { state: ChangeState; kind: 'change_completed' | 'change_rejected' | 'change_status' }
  >
> = {
  COMPLETED: { state: 'completed', kind: 'change_completed' },
  REJECTED: { state: 'rejected', kind: 'change_rejected' },
  // No event kind of its own: the status event says it, and the state closes the change.
  CANCELLED: { state: 'cancelled', kind: 'change_status' },
};

const MESSAGES: Record<FireblocksRequestStatus, string> = {
  WAITING_FOR_APPROVAL: 'Fireblocks is waiting for a workspace Owner to approve the change.',
  APPROVED: 'Approved in Fireblocks; the change is being applied.',
  COMPLETED: 'Fireblocks applied the change.',
  REJECTED: 'The change was rejected in Fireblocks.',
  CANCELLED: 'The change was cancelled in Fireblocks.',
};

export interface ObservedStatus {
  status: FireblocksRequestStatus;
  /** X-Request-ID of the status read. */
  fireblocksRequestId?: string;
}

/**
 * Records a Fireblocks request status seen for a change: a new status of a `sent` change as `change_status`, a
 * final one as `completed` / `rejected` / `cancelled` with its event; for an `unknown` change whose request id is
 * known, any status settles what happened (`change_reconciled`). A status already recorded adds nothing. When
 * another replica recorded it first, that one's record stands (see transitionChange) and the fresh row is returned.
 */
export async function recordRequestStatus(db: Db, row: ChangeRow, observed: ObservedStatus): Promise<ChangeRow> {
  if (row.state !== 'sent' && row.state !== 'unknown') return row;
  const { status } = observed;
  const outcome = OUTCOMES[status];
  if (!outcome && row.state === 'sent' && status === row.last_fireblocks_status) return row;
  const next = await transitionChange(db, row, {
    from: [row.state],
    to: outcome?.state ?? 'sent',
    set: { last_fireblocks_status: status },
    event: {
      kind: row.state === 'unknown' ? 'change_reconciled' : (outcome?.kind ?? 'change_status'),
      actor: null,
      fireblocksRequestId: observed.fireblocksRequestId ?? null,
      fireblocksAsyncRequestId: row.fireblocks_request_id,
      detail: { fireblocksStatus: status, message: MESSAGES[status] },
    },
  });
  return next ?? (await readChange(db, row.id)) ?? row;
}
