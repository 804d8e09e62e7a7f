import 'server-only';

import type { Db } from '@/lib/db/connect';
import type { ChangeRow } from '@/lib/db/tables';
import { AppError } from '@/lib/errors/app-error';

import type { ChangeActor } from '@/lib/change-model/actor-and-reason';
import { expireIfDue } from './expire-change';
import { readChange, transitionChange, type ChangeTransition } from './transition-change';

/**
 * Who may act on a change awaiting approval: another admin (approve, decline), its proposer (withdraw), or any
 * admin (check its target again).
 */
export type DecidedBy = 'another_admin' | 'proposer' | 'any_admin';

const STATE_WORDS: Partial<Record<ChangeRow['state'], string>> = {
  expired: 'it expired before anyone approved it',
  declined: 'it was declined',
  withdrawn: 'its proposer withdrew it',
  stale: "it went stale: the key's live handler moved underneath it",
};

function notAwaiting(row: ChangeRow): AppError {
  const why = STATE_WORDS[row.state] ?? `it is ${row.state.replace('_', ' ')}: another admin acted on it first`;
  return new AppError({
    status: 409,
    code: 'change_not_awaiting',
    message: `This change no longer awaits approval: ${why}.`,
    changeId: row.id,
  });
}

/**
 * The change `changeId` as it stands, for `actor` to decide on: 404 when there is none; 403 `own_change` when its
 * proposer would approve or decline it, 403 `not_proposer` when anyone else would withdraw it; expired first when
 * past its expiry; 409 `change_not_awaiting` when it is in any state but `awaiting_approval`.
 */
export async function changeAwaitingDecision(
  db: Db,
  changeId: string,
  actor: ChangeActor,
  by: DecidedBy,
  now = Date.now(),
): Promise<ChangeRow> {
  const row = await readChange(db, changeId);
  if (!row) throw new AppError({ status: 404, code: 'not_found', message: 'There is no such change.' });
  const own = row.proposer_sub === actor.sub;
  if (by === 'another_admin' && own) {
    throw new AppError({
      status: 403,
      code: 'own_change',
      message: 'You proposed this change: another admin must approve or decline it.',
      changeId: row.id,
    });
  }
  if (by === 'proposer' && !own) {
    throw new AppError({
      status: 403,
      code: 'not_proposer',
      message: 'Only the admin who proposed this change can withdraw it.',
      changeId: row.id,
    });
  }
  const current = await expireIfDue(db, row, now);
  if (current.state !== 'awaiting_approval') throw notAwaiting(current);
  return current;
}

/**
 * Moves a change out of `awaiting_approval` (one conditional UPDATE and its event, in one transaction). Of several
 * admins acting at once only one wins; the others get 409 `change_not_awaiting` naming what happened instead. The
 * UPDATE also re-checks `expires_at` as it runs: a decision that passed the checks before the expiry but reaches the
 * database after it does not land, and the change is expired instead.
 */
export async function decideChange(db: Db, row: ChangeRow, t: Omit<ChangeTransition, 'from'>): Promise<ChangeRow> {
  const next = await transitionChange(db, row, { ...t, from: ['awaiting_approval'], unexpired: true });
  if (next) return next;
  const current = (await readChange(db, row.id)) ?? row;
  throw notAwaiting(await expireIfDue(db, current));
}
