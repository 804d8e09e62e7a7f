import 'server-only';

import type { ChangeRow } from '@/lib/db/tables';
import { isFireblocksError } from '@/lib/fireblocks/fireblocks-error';
import { logger } from '@/lib/log/logger';

import { REQUEST_NOT_FOUND } from './change-api-schemas';
import type { ChangeContext } from './change-context';
import { recordRequestStatus } from './record-request-status';
import { readChange, transitionChange } from './transition-change';

export interface FollowOptions {
  /** Ends the Fireblocks read early (the worker stops or loses its lease). */
  signal?: AbortSignal;
}

/**
 * How long after a change was sent a 404 for its request is taken as "not readable yet" rather than "unknown to
 * Fireblocks": a request just accepted may take a moment to be readable (and marking it `unknown` would invite an
 * admin to mark it failed and propose again while it waits for approval in Fireblocks).
 */
export const REQUEST_NOT_FOUND_GRACE_MS = 60_000;

/** A 404 for a request Fireblocks has never reported on, within the grace period after it was sent. */
const mayNotBeReadableYet = (row: ChangeRow, nowMs: number) =>
  row.last_fireblocks_status === null && nowMs - Date.parse(row.updated_at) < REQUEST_NOT_FOUND_GRACE_MS;

/**
 * Fireblocks answered 404 for a sent change's request: it does not know the request, so nothing says whether the
 * change was applied. Not `sent` any more (that would show a tracker as if all were well): `unknown`, settled by the
 * key's live handler or by an admin who checked Fireblocks (reconcileChange, markUnknownChangeFailed).
 */
async function markRequestNotFound(ctx: ChangeContext, row: ChangeRow, fireblocksRequestId?: string) {
  const next = await transitionChange(ctx.db, row, {
    from: ['sent'],
    to: 'unknown',
    set: { last_fireblocks_status: REQUEST_NOT_FOUND },
    event: {
      kind: 'change_unknown',
      actor: null,
      fireblocksRequestId: fireblocksRequestId ?? null,
      fireblocksAsyncRequestId: row.fireblocks_request_id,
      detail: {
        reason: 'request_not_found',
        message: 'Fireblocks does not know this request (not found): the change may or may not have been applied.',
      },
    },
  });
  return next ?? (await readChange(ctx.db, row.id)) ?? row;
}

/**
 * Follows a change whose Fireblocks request id is known (`sent`, or `unknown` with an id) by reading that request's
 * status and recording what it says. A failed read throws (the background worker reports it and asks again on its
 * next pass), except a 404 for a `sent` change: within REQUEST_NOT_FOUND_GRACE_MS of the send it is "not readable
 * yet", after it Fireblocks does not know the request (markRequestNotFound).
 */
export async function followChange(ctx: ChangeContext, row: ChangeRow, o: FollowOptions = {}): Promise<ChangeRow> {
  const requestId = row.fireblocks_request_id;
  if ((row.state !== 'sent' && row.state !== 'unknown') || !requestId) return row;
  let read;
  try {
    read = await ctx.fireblocks.getRequestStatus(row.cosigner_id, row.api_key_id, requestId, { signal: o.signal });
  } catch (err) {
    if (row.state !== 'sent' || !isFireblocksError(err) || err.kind !== 'http' || err.status !== 404) throw err;
    if (!mayNotBeReadableYet(row, Date.now())) return markRequestNotFound(ctx, row, err.fireblocksRequestId);
    logger.info({ changeId: row.id }, 'the Fireblocks request of a change just sent is not readable yet');
    return row;
  }
  return recordRequestStatus(ctx.db, row, { status: read.data.status, fireblocksRequestId: read.fireblocksRequestId });
}
