import 'server-only';

import type { ChangeRow } from '@/lib/db/tables';

import type { ChangeContext } from './change-context';
import { expireIfDue } from './expire-change';
import { followChange, type CheckOptions } from './follow-change';
import { reconcileChange } from './reconcile-change';

/**
 * Brings an open change up to date before it is shown or before its key takes a new one (an approval-awaiting one
 * past its expiry becomes `expired`); closed ones as they are.
 */
export function refreshChange(ctx: ChangeContext, row: ChangeRow, o: CheckOptions = {}): Promise<ChangeRow> {
  if (row.state === 'awaiting_approval') return expireIfDue(ctx.db, row);
  if (row.state === 'sent') return followChange(ctx, row, o);
  if (row.state === 'sending' || row.state === 'unknown') return reconcileChange(ctx, row, o);
  return Promise.resolve(row);
}
