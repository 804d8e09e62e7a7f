import 'server-only';

import type { Db } from '@/lib/db/connect';
import type { ChangeRow } from '@/lib/db/tables';

import { handlerSnapshotSchema, REQUEST_NOT_FOUND } from './change-api-schemas';
import type { ChangeContext } from './change-context';
import { followChange, type FollowOptions } from './follow-change';
import { auditHandler, liveHandlerMatches, snapshotOfLive } from './handler-snapshot';
import { readChange, transitionChange } from './transition-change';

/**
 * How long a change may stay `sending`: the Fireblocks client gives up on a PATCH after 10 s, so a change still
 * `sending` 15 s after its PATCH left has lost the process that sent it (a crash, a kill -9, a redeploy). Counted
 * from `updated_at`, which the sender sets again the moment the PATCH really leaves (after the upstream gate, which
 * may hold it up to 5 s), so waiting for the write lock or the gate never eats into the 10 s the PATCH may take.
 */
export const SENDING_DEADLINE_MS = 15_000;

/** A `sending` change whose sender is gone: the PATCH may have left, so its outcome is unknown. */
async function markAbandoned(db: Db, row: ChangeRow): Promise<ChangeRow> {
  const next = await transitionChange(db, row, {
    from: ['sending'],
    to: 'unknown',
    event: {
      kind: 'change_unknown',
      actor: null,
      detail: {
        reason: 'abandoned',
        message: 'The console stopped before Fireblocks answered: the change may or may not have been applied.',
      },
    },
  });
  return next ?? (await readChange(db, row.id)) ?? row;
}

/**
 * Settles what can be settled of a change whose outcome is not known. A `sending` change past SENDING_DEADLINE_MS
 * becomes `unknown`. An `unknown` change is then `completed` (change_reconciled) when the key's live handler is the
 * one it asked for, or follows its Fireblocks request when its id is known (and Fireblocks knows it). Otherwise it
 * stays `unknown`: Fireblocks may hold a pending request for it that the console cannot see, so it is never resent
 * and the key is never freed automatically (an admin who checked Fireblocks marks it: markUnknownChangeFailed). A
 * failed read of Fireblocks throws; nothing is recorded then.
 */
export async function reconcileChange(
  ctx: ChangeContext,
  row: ChangeRow,
  o: FollowOptions & { now?: number } = {},
): Promise<ChangeRow> {
  const now = o.now ?? Date.now();
  let current = row;
  if (current.state === 'sending') {
    // updated_at: when its PATCH left (send-change.ts), else when it entered `sending`; never when it was proposed.
    if (now - Date.parse(current.updated_at) < SENDING_DEADLINE_MS) return current;
    current = await markAbandoned(ctx.db, current);
  }
  if (current.state !== 'unknown') return current;
  // A request Fireblocks said it does not know has no status to follow: only the live handler can settle it.
  if (current.fireblocks_request_id && current.last_fireblocks_status !== REQUEST_NOT_FOUND) {
    return followChange(ctx, current, o);
  }
  const live = await ctx.fireblocks.getApiKey(current.cosigner_id, current.api_key_id, { signal: o.signal });
  const after = handlerSnapshotSchema.parse(JSON.parse(current.after_handler));
  if (!liveHandlerMatches(live.data.callbackHandler, after)) return current;
  const next = await transitionChange(ctx.db, current, {
    from: ['unknown'],
    to: 'completed',
    set: { decided_reason: "Reconciled: the key's live handler is the one this change asked for." },
    event: {
      kind: 'change_reconciled',
      actor: null,
      fireblocksRequestId: live.fireblocksRequestId ?? null,
      after: auditHandler(snapshotOfLive(live.data.callbackHandler)),
      detail: { outcome: 'completed', message: "The key's live handler is the one this change asked for." },
    },
  });
  return next ?? (await readChange(ctx.db, current.id)) ?? current;
}
