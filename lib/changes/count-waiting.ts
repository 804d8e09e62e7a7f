import 'server-only';

import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/connect';

/**
 * How many changes wait for this user's approval: `awaiting_approval`, proposed by someone else, not yet past their
 * expiry (one about to be marked expired is no longer approvable). Only admins approve, so a viewer waits for none.
 */
export async function countChangesWaitingFor(
  db: Db,
  user: Pick<SessionUser, 'sub' | 'role'>,
  now = new Date(),
): Promise<number> {
  if (user.role !== 'admin') return 0;
  const row = await db.kysely
    .selectFrom('changes')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
    .where('state', '=', 'awaiting_approval')
    .where('proposer_sub', '<>', user.sub)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())]))
    .executeTakeFirstOrThrow();
  // PostgreSQL's count is a bigint (a string or a number, by driver setting); SQLite's a number.
  return Number(row.count);
}
