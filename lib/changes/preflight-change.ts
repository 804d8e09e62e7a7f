import 'server-only';

import { sql } from 'kysely';

import { certPublicKeyHash } from '@/lib/callback-handler/fingerprint';
import type { ChangeActor } from '@/lib/change-model/actor-and-reason';
import type { Db } from '@/lib/db/connect';
import { checkIfOn, preflightOff } from '@/lib/preflight/preflight-policy';
import type { PreflightResult } from '@/lib/preflight/preflight-schemas';
import type { PreflightTarget } from '@/lib/preflight/run-preflight';

import { handlerSnapshotSchema, type GetChangeResponse, type HandlerSnapshot } from './change-api-schemas';
import type { ChangeContext } from './change-context';
import { changeAwaitingDecision } from './awaiting-change';
import { getChangeWithTimeline } from './read-changes';

/** What the check of a change probes: the target of its `after`, with the pinned certificate's key when it has one. */
export function preflightTargetOf(after: HandlerSnapshot): PreflightTarget {
  if (after.mode === 'publicKey') return { url: after.url, mode: 'publicKey' };
  // Recorded with the change (snapshotOfRequested); computed from the PEM only for a record that lacks it.
  const pinnedSpkiSha256 = after.certPublicKeyHash ?? (after.cert ? certPublicKeyHash(after.cert) : '');
  return { url: after.url, mode: 'cert', pinnedSpkiSha256 };
}

/**
 * Keeps a fresh check on a change still awaiting approval. Not a move of the change: no version bump (an approval
 * racing it still wins or loses on its own), no event (the approval's event carries the check it was made with).
 */
export async function recordPreflight(db: Db, changeId: string, result: PreflightResult): Promise<void> {
  await sql`
    update changes set preflight = ${JSON.stringify(result)}
    where id = ${changeId} and state = 'awaiting_approval'`.execute(db.kysely);
}

/**
 * `POST /api/changes/{changeId}/preflight`: any admin (its proposer too) checks a change's target again, e.g.
 * after fixing the server. 404 for no such change; 409 `change_not_awaiting` once it no longer awaits approval (it
 * is expired first when due); 409 `conflict` with PREFLIGHT=off. Answers the change as the GET does.
 */
export async function recheckChange(
  ctx: ChangeContext,
  input: { changeId: string; actor: ChangeActor },
): Promise<GetChangeResponse> {
  if (ctx.preflight.mode === 'off') throw preflightOff();
  const row = await changeAwaitingDecision(ctx.db, input.changeId, input.actor, 'any_admin');
  const result = await checkIfOn(
    ctx.preflight,
    preflightTargetOf(handlerSnapshotSchema.parse(JSON.parse(row.after_handler))),
  );
  if (result) await recordPreflight(ctx.db, row.id, result);
  return getChangeWithTimeline(ctx.db, row.id);
}
