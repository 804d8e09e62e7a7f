import 'server-only';

import type { ChangeRow } from '@/lib/db/tables';
import { logger } from '@/lib/log/logger';

import type { ChangeContext } from './change-context';
import { claimCheck } from './check-throttle';
import { recordRequestStatus } from './record-request-status';

export interface CheckOptions {
  /** Ask Fireblocks even if this process asked about the change a moment ago (start-up reconciliation). */
  force?: boolean;
}

/**
 * Follows a change whose Fireblocks request id is known (`sent`, or `unknown` with an id) by reading that request's
 * status, at most every CHECK_INTERVAL_MS per change. A failed read changes nothing: the next view tries again.
 */
export async function followChange(ctx: ChangeContext, row: ChangeRow, o: CheckOptions = {}): Promise<ChangeRow> {
  const requestId = row.fireblocks_request_id;
  if ((row.state !== 'sent' && row.state !== 'unknown') || !requestId) return row;
  if (!o.force && !claimCheck(row.id)) return row;
  try {
    const { data, fireblocksRequestId } = await ctx.fireblocks.getRequestStatus(
      row.cosigner_id,
      row.api_key_id,
      requestId,
    );
    return await recordRequestStatus(ctx.db, row, { status: data.status, fireblocksRequestId });
  } catch (err) {
    logger.warn({ changeId: row.id, err }, 'could not read the Fireblocks request status of a change');
    return row;
  }
}
