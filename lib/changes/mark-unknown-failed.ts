import 'server-only';

import type { Db } from '@/lib/db/connect';
import type { ChangeRow } from '@/lib/db/tables';
import { AppError } from '@/lib/errors/app-error';

import type { ChangeActor } from '@/lib/change-model/actor-and-reason';
import { readChange, transitionChange } from './transition-change';

export interface MarkUnknownFailedInput {
  changeId: string;
  actor: ChangeActor;
  /** What the admin checked in Fireblocks. */
  reason: string;
  /** The console's request id. */
  requestId: string;
}

/**
 * An admin who checked Fireblocks (no pending or applied request for the key) marks an `unknown` change as not
 * applied: `failed` with a `change_reconciled` event naming them and their reason, which frees the key.
 */
export async function markUnknownChangeFailed(db: Db, input: MarkUnknownFailedInput): Promise<ChangeRow> {
  // Twice at most: a status recorded meanwhile by the background worker bumps the version without settling the change.
  for (let attempt = 0; attempt < 2; attempt++) {
    const row = await readChange(db, input.changeId);
    if (!row) throw new AppError({ status: 404, code: 'not_found', message: 'There is no such change.' });
    if (row.state !== 'unknown') {
      throw new AppError({
        status: 409,
        code: 'conflict',
        message: `Only a change whose outcome is unknown can be marked as not applied; this one is ${row.state}.`,
        changeId: row.id,
      });
    }
    const next = await transitionChange(db, row, {
      from: ['unknown'],
      to: 'failed',
      set: { decided_reason: input.reason },
      event: {
        kind: 'change_reconciled',
        actor: input.actor,
        requestId: input.requestId,
        detail: {
          outcome: 'failed',
          reason: input.reason,
          message: `Marked as not applied after checking Fireblocks: ${input.reason}`,
        },
      },
    });
    if (next) return next;
  }
  throw new AppError({
    status: 409,
    code: 'conflict',
    message: 'The change was updated meanwhile; look at it again.',
    changeId: input.changeId,
  });
}
