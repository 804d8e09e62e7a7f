import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import { changePath, signInPath } from '@/lib/page-paths';
import { blocksApproval, checkIfOn, preflightFailed } from '@/lib/preflight/preflight-policy';
import type { PreflightResult } from '@/lib/preflight/preflight-schemas';

import type { ChangeActor } from '@/lib/change-model/actor-and-reason';

import { handlerSnapshotSchema } from './change-api-schemas';
import type { ChangeContext } from './change-context';
import { changeAwaitingDecision, decideChange } from './awaiting-change';
import { auditHandler, liveHandlerIs, snapshotOfLive } from './handler-snapshot';
import { preflightTargetOf, recordPreflight } from './preflight-change';
import { sendChange, targetOf, type SentChange } from './send-change';

export interface ApproveChangeInput {
  changeId: string;
  actor: ChangeActor;
  /** Epoch ms the approver last authenticated at the IdP (the session's OIDC `auth_time`); null when unknown. */
  authTime: number | null;
  /** STEP_UP_MAX_AGE: how recent that authentication must be. */
  stepUpMaxAgeSeconds: number;
  /** The console's request id. */
  requestId: string;
}

const secondsInWords = (s: number) => (s % 60 === 0 ? `${s / 60} minute${s === 60 ? '' : 's'}` : `${s} seconds`);

/**
 * Whole seconds until a sign-in at `authTime` is too old to approve with (0: now, or unknown). The one rule for both
 * the approval and what the approve dialog says beforehand. Rounded up: a dialog that counts down from it says
 * "too old" only once the server would refuse too, never while an approval would still go through unasked.
 */
export function stepUpSecondsLeft(authTime: number | null, maxAgeSeconds: number, now = Date.now()): number {
  if (authTime === null) return 0;
  return Math.max(0, Math.ceil((authTime + maxAgeSeconds * 1000 - now) / 1000));
}

/** Where the browser goes to sign in afresh and come back to the same approval. */
function stepUpUrlFor(changeId: string): string {
  return signInPath(`${changePath(changeId)}?approve=1`, { stepUp: true });
}

/** The approval's words on the timeline: what the check it was made with said, when it said anything. */
function approvalMessage(preflight: PreflightResult | null): string {
  if (preflight?.verdict === 'fail')
    return 'Approved although the pre-flight check failed (PREFLIGHT=warn); sending to Fireblocks.';
  if (preflight?.verdict === 'warn') return 'Approved with a pre-flight warning; sending to Fireblocks.';
  return 'Approved; sending to Fireblocks.';
}

/**
 * Another admin approves a change awaiting approval, and it is sent.
 *
 * 1. The change must exist (404), not be the approver's own (403 `own_change`; the database refuses it too, by a
 *    CHECK on approver_sub), not be past its expiry (it is expired first) and await approval (409
 *    `change_not_awaiting`).
 * 2. Step-up: the approver's sign-in at the IdP must be at most STEP_UP_MAX_AGE old, else 401 `step_up_required`
 *    with the URL that signs in afresh (OIDC `max_age`) and comes back here.
 * 3. Drift guard: the key's live handler is read again; if it is no longer the change's `before`, the change becomes
 *    `stale` (`change_stale`) and nothing is sent: 409 `change_stale`.
 * 4. Pre-flight, afresh (lib/preflight, at most 5 s, run while the live handler is read): with PREFLIGHT=block a
 *    `fail` is 409 `preflight_failed`; the check is kept on the change (the page shows it) and nothing is sent.
 * 5. One conditional UPDATE `awaiting_approval -> sending` with the approver and the check, and `change_approved`
 *    (the check in its detail), in one transaction: of twenty admins approving at once exactly one wins (the others:
 *    409 `change_not_awaiting`), and only the winner sends, through the same sendChange a change proposed with
 *    CHANGE_APPROVALS=0 takes.
 */
export async function approveChange(
  ctx: ChangeContext,
  input: ApproveChangeInput,
  now = Date.now(),
): Promise<SentChange> {
  const { actor, requestId } = input;
  const row = await changeAwaitingDecision(ctx.db, input.changeId, actor, 'another_admin', now);
  if (input.authTime === null || now - input.authTime > input.stepUpMaxAgeSeconds * 1000) {
    throw new AppError({
      status: 401,
      code: 'step_up_required',
      message: `Approving needs a sign-in from the last ${secondsInWords(input.stepUpMaxAgeSeconds)}: sign in again, then approve.`,
      changeId: row.id,
      stepUpUrl: stepUpUrlFor(row.id),
    });
  }

  // Never rejects for anything the network does; awaited once the drift guard has passed.
  const checking = checkIfOn(ctx.preflight, preflightTargetOf(targetOf(row).after));
  checking.catch(() => undefined);
  const live = await ctx.fireblocks.getApiKey(row.cosigner_id, row.api_key_id);
  const before = handlerSnapshotSchema.nullable().parse(JSON.parse(row.before_handler));
  if (!liveHandlerIs(live.data.callbackHandler, before)) {
    const message =
      "The key's live callback handler is no longer the one this change was made against; nothing was sent. Propose the change again against the live handler.";
    await decideChange(ctx.db, row, {
      to: 'stale',
      set: { decided_reason: message },
      event: {
        kind: 'change_stale',
        actor,
        requestId,
        fireblocksRequestId: live.fireblocksRequestId ?? null,
        before: auditHandler(before),
        detail: { message, live: auditHandler(snapshotOfLive(live.data.callbackHandler)) },
      },
    });
    throw new AppError({ status: 409, code: 'change_stale', message, changeId: row.id });
  }

  const preflight = await checking;
  if (blocksApproval(ctx.preflight, preflight)) {
    await recordPreflight(ctx.db, row.id, preflight);
    throw preflightFailed(preflight, row.id);
  }

  // Signed while the approval commits; sent only if it did (this admin won).
  const approving = decideChange(ctx.db, row, {
    to: 'sending',
    set: {
      approver: JSON.stringify(actor),
      approver_sub: actor.sub,
      ...(preflight ? { preflight: JSON.stringify(preflight) } : {}),
    },
    event: {
      kind: 'change_approved',
      actor,
      requestId,
      detail: preflight ? { message: approvalMessage(preflight), preflight } : { message: approvalMessage(null) },
    },
  });
  return sendChange(ctx, targetOf(row), approving, requestId);
}
