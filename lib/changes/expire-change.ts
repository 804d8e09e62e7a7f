import 'server-only';

import type { Db } from '@/lib/db/connect';
import type { ChangeRow } from '@/lib/db/tables';

import { readChange, transitionChange } from './transition-change';

/** Whether a change awaiting approval is past its `expires_at` (CHANGE_TTL after it was proposed). */
function isPastExpiry(row: ChangeRow, now = Date.now()): boolean {
  return row.state === 'awaiting_approval' && row.expires_at !== null && Date.parse(row.expires_at) <= now;
}

/**
 * A change that waited for approval past its `expires_at` becomes `expired` (`change_expired`, by the console
 * itself: actor null), which frees its key. The background worker calls it on every pass (follow-open-changes.ts);
 * so do the key's next proposal and an approval, decline or withdrawal before acting on the change, so none of them
 * acts on a change past its expiry. The row is returned as it now stands (another replica may have expired or
 * approved it first).
 */
export async function expireIfDue(db: Db, row: ChangeRow, now = Date.now()): Promise<ChangeRow> {
  if (!isPastExpiry(row, now)) return row;
  const next = await transitionChange(db, row, {
    from: ['awaiting_approval'],
    to: 'expired',
    set: { decided_reason: 'Expired: no other admin approved it in time.' },
    event: {
      kind: 'change_expired',
      actor: null,
      detail: { expiresAt: row.expires_at, message: 'No other admin approved the change in time; nothing was sent.' },
    },
  });
  return next ?? (await readChange(db, row.id)) ?? row;
}
