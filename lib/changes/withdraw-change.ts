import 'server-only';

import type { Db } from '@/lib/db/connect';
import type { ChangeRow } from '@/lib/db/tables';

import type { ChangeActor } from '@/lib/change-model/actor-and-reason';
import { changeAwaitingDecision, decideChange } from './awaiting-change';

export interface WithdrawChangeInput {
  changeId: string;
  actor: ChangeActor;
  /** The console's request id. */
  requestId: string;
}

/** The proposer withdraws their change while it awaits approval: `withdrawn` + `change_withdrawn`; the key is free. */
export async function withdrawChange(db: Db, input: WithdrawChangeInput, now = Date.now()): Promise<ChangeRow> {
  const row = await changeAwaitingDecision(db, input.changeId, input.actor, 'proposer', now);
  return decideChange(db, row, {
    to: 'withdrawn',
    set: { decided_reason: 'Withdrawn by its proposer.' },
    event: {
      kind: 'change_withdrawn',
      actor: input.actor,
      requestId: input.requestId,
      detail: { message: 'Withdrawn by its proposer; nothing was sent.' },
    },
  });
}
