import 'server-only';

import { randomUUID } from 'node:crypto';

import { sql } from 'kysely';

import { appendAuditEvent } from '@/lib/audit/append';
import { ChangeOpenError, insertChange } from '@/lib/db/insert-change';
import type { Db } from '@/lib/db/connect';
import type { ChangeActor } from '@/lib/change-model/actor-and-reason';
import { isOpenChangeState, OPEN_CHANGE_STATES } from '@/lib/change-model/states';
import type { ChangeRow } from '@/lib/db/tables';
import { transaction } from '@/lib/db/transaction';
import { editGateOf } from '@/lib/cosigners/edit-gate';
import { AppError } from '@/lib/errors/app-error';
import { notifyChangeMoved } from '@/lib/notify';
import { blocksApproval, checkIfOn, preflightFailed } from '@/lib/preflight/preflight-policy';
import type { PreflightResult } from '@/lib/preflight/preflight-schemas';

import type { ChangeContext } from './change-context';
import { expireIfDue } from './expire-change';
import { auditHandler, snapshotOfLive, snapshotOfRequested, type RequestedHandler } from './handler-snapshot';
import { preflightTargetOf } from './preflight-change';
import { sendChange, type SentChange } from './send-change';
import { assertAllowedMove } from './transition-change';

export interface ProposeChangeInput {
  cosignerId: string;
  apiKeyId: string;
  /** Validated by lib/callback-handler (validateCallbackHandler). */
  callbackHandler: RequestedHandler;
  reason?: string;
  actor: ChangeActor;
  /** The console's request id. */
  requestId: string;
  /** CHANGE_APPROVALS: 0 sends at once; 1 records the change to wait for another admin's approval. */
  approvals: 0 | 1;
  /** CHANGE_TTL: how long a change may wait for approval. */
  ttlMs: number;
}

/** A proposal waiting for approval (nothing sent), or one sent at once (CHANGE_APPROVALS=0). */
export type ProposedChange = { sent: false; change: ChangeRow } | ({ sent: true } & SentChange);

const changeOpen = (changeId: string) =>
  new AppError({
    status: 409,
    code: 'change_open',
    message: 'This API key already has an open change: follow it, or wait until it ends.',
    changeId,
  });

/**
 * What the proposal event adds: the reason, until when it waits for approval, and the pre-flight check it was
 * proposed with; null when none of them.
 */
function proposalDetail(
  reason: string | null,
  expiresAt: string | null,
  preflight: PreflightResult | null,
): Record<string, string | PreflightResult> | null {
  const detail: Record<string, string | PreflightResult> = {};
  if (reason !== null) detail.reason = reason;
  if (expiresAt !== null) detail.expiresAt = expiresAt;
  if (preflight !== null) detail.preflight = preflight;
  return Object.keys(detail).length > 0 ? detail : null;
}

/** The value of a settled promise, or its error thrown. */
function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/** SQL text rather than the builder, as lib/audit/append.ts says why: every PATCH reads it. */
async function findOpenChange(db: Db, cosignerId: string, apiKeyId: string): Promise<ChangeRow | undefined> {
  const { rows } = await sql<ChangeRow>`
    select * from changes
    where cosigner_id = ${cosignerId} and api_key_id = ${apiKeyId}
      and state in (${sql.join(OPEN_CHANGE_STATES)})`.execute(db.kysely);
  return rows[0];
}

/**
 * An admin's change to a key's callback handler, recorded before anything goes upstream.
 *
 * 1. The cosigner, the key's open change and the key's live handler (the `before` the change is made against) are
 *    read at once. An archived cosigner, or one whose version is below what remote handler configuration needs
 *    (lib/cosigners/edit-gate.ts), is a 409 with the gate's code, and nothing is recorded or sent.
 * 2. The key's open change, if any, is expired first when past its expiry (the background worker would do it on its
 *    next pass); still open, it is a 409 `change_open` naming it. A request that ended in Fireblocks is the
 *    worker's to record, within its interval.
 * 3. Meanwhile (from the start, so that it costs no more than the reads) the target is checked (lib/preflight, at
 *    most 5 s). Sent at once (approvals off), a `fail` under PREFLIGHT=block is 409 `preflight_failed`: that
 *    proposal is its own approval, and nothing is recorded or sent.
 * 4. The change (the proposer, the reason, before and after with the PEM, the check) and its `change_proposed` event
 *    (fingerprints and the check) commit in one transaction: `awaiting_approval` with `expires_at` when approvals are
 *    on, otherwise `sending`, before the PATCH leaves. The partial unique index decides between two admins racing:
 *    the loser gets the same 409 and sends nothing.
 * 5. With approvals off, sendChange sends it and records the outcome (the same step an approval runs): the PATCH is
 *    signed while the proposal commits, and leaves once it has.
 */
export async function proposeChange(ctx: ChangeContext, input: ProposeChangeInput): Promise<ProposedChange> {
  const { db, fireblocks } = ctx;
  const { cosignerId, apiKeyId, actor, requestId } = input;
  const after = snapshotOfRequested(input.callbackHandler);
  // Never rejects for anything the network does; started first, awaited once the reads are in.
  const checking = checkIfOn(ctx.preflight, preflightTargetOf(after));
  checking.catch(() => undefined);
  // Three reads at once, none of which records or sends anything: the gate's, the open change's, the `before`'s.
  // Their failures are answered in this order, whichever came back first: an archived cosigner is a 409 whatever
  // its key's read says, and the same request always gets the same answer.
  const [cosignerRead, openRead, liveRead] = await Promise.allSettled([
    fireblocks.getCosigner(cosignerId),
    findOpenChange(db, cosignerId, apiKeyId),
    fireblocks.getApiKey(cosignerId, apiKeyId),
  ]);
  const gate = editGateOf(settled(cosignerRead).data);
  if (!gate.editable) throw new AppError({ status: 409, code: gate.code, message: gate.message });
  const open = settled(openRead);
  // Past its expiry it is expired here and the key is free: an expired change never moved the handler.
  if (open && isOpenChangeState((await expireIfDue(db, open)).state)) throw changeOpen(open.id);
  const live = settled(liveRead);
  const before = snapshotOfLive(live.data.callbackHandler);
  const reason = input.reason ? input.reason : null;
  const awaiting = input.approvals > 0;
  const preflight = await checking;
  if (!awaiting && blocksApproval(ctx.preflight, preflight)) throw preflightFailed(preflight);
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const id = randomUUID();
  const expiresAt = awaiting ? new Date(nowMs + input.ttlMs).toISOString() : null;
  const state = awaiting ? 'awaiting_approval' : 'sending';
  assertAllowedMove({ from: null, to: state, by: 'proposer', event: 'change_proposed' });
  const recording = transaction(db, async (tx) => {
    const inserted = await insertChange(tx, {
      id,
      cosigner_id: cosignerId,
      api_key_id: apiKeyId,
      state,
      proposer: JSON.stringify(actor),
      proposer_sub: actor.sub,
      approver: null,
      approver_sub: null,
      reason,
      before_handler: JSON.stringify(before),
      after_handler: JSON.stringify(after),
      fireblocks_request_id: null,
      fireblocks_x_request_id: null,
      last_fireblocks_status: null,
      decided_reason: null,
      created_at: now,
      updated_at: now,
      expires_at: expiresAt,
      closed_at: null,
      preflight: preflight === null ? null : JSON.stringify(preflight),
    });
    await appendAuditEvent(tx, {
      kind: 'change_proposed',
      at: now,
      actor,
      changeId: id,
      cosignerId,
      apiKeyId,
      requestId,
      fireblocksRequestId: live.fireblocksRequestId ?? null,
      before: auditHandler(before),
      after: auditHandler(after),
      detail: proposalDetail(reason, expiresAt, preflight),
    });
    return inserted;
  }).then(
    (row) => {
      notifyChangeMoved({ change: row, from: null, actor });
      return row;
    },
    (error: unknown) => {
      throw error instanceof ChangeOpenError ? changeOpen(error.openChangeId) : error;
    },
  );
  if (awaiting) return { sent: false, change: await recording };
  // Signed while the proposal commits, sent once it has.
  return { sent: true, ...(await sendChange(ctx, { cosignerId, apiKeyId, after }, recording, requestId)) };
}
