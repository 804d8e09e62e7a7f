import 'server-only';

import type { Db } from '@/lib/db/connect';
import type { ChangeRow } from '@/lib/db/tables';

import type { ChangeActor } from '@/lib/change-model/actor-and-reason';
import { changeAwaitingDecision, decideChange } from './awaiting-change';

export interface DeclineChangeInput {
  changeId: string;
  actor: ChangeActor;
  /** Why, for the proposer (required). */
  reason: string;
  /** The console's request id. */
  requestId: string;
}

/**
 * Another admin declines a change awaiting approval: `declined` with their reason and `change_declined` naming
 * them, which frees the key. They are recorded as the change's deciding admin (approver_sub), so the database's
 * CHECK refuses a proposer here too. Nothing is sent.
 */
export async function declineChange(db: Db, input: DeclineChangeInput, now = Date.now()): Promise<ChangeRow> {
  const row = await changeAwaitingDecision(db, input.changeId, input.actor, 'another_admin', now);
  return decideChange(db, row, {
    to: 'declined',
    set: { approver: JSON.stringify(input.actor), approver_sub: input.actor.sub, decided_reason: input.reason },
    event: {
      kind: 'change_declined',
      actor: input.actor,
      requestId: input.requestId,
      detail: { reason: input.reason, message: `Declined: ${input.reason}` },
    },
  });
}
