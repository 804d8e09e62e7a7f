import 'server-only';

import { sql } from 'kysely';

import type { ChangeState } from '@/lib/change-model/states';
import type { Db } from '@/lib/db/connect';
import type { ChangeRow } from '@/lib/db/tables';
import { AppError } from '@/lib/errors/app-error';
import { isFireblocksError, toAppError, type FireblocksError } from '@/lib/fireblocks';
import { logger } from '@/lib/log/logger';

import { handlerSnapshotSchema, type HandlerSnapshot } from './change-api-schemas';
import type { ChangeContext } from './change-context';
import { requestedOf } from './handler-snapshot';
import { readChange, transitionChange, type ChangeTransition } from './transition-change';

export interface SentChange {
  change: ChangeRow;
  /** Fireblocks' asynchronous request id. */
  requestId: string;
  /** X-Request-ID of the PATCH. */
  fireblocksRequestId?: string;
}

/**
 * Whether Fireblocks refused the PATCH (a 4xx answer, or a request refused before it left: nothing changed upstream)
 * or its outcome is unknown (a 5xx, a timeout, a reset, an unreadable answer, anything else after the request may
 * have left). A 5xx is not a refusal: a proxy's 502 or 504 can come after Fireblocks accepted the change.
 */
function refused(error: unknown): error is FireblocksError {
  if (!isFireblocksError(error)) return false;
  return error.kind === 'invalid_request' || (error.kind === 'http' && (error.status ?? 500) < 500);
}

/** What the unknown outcome's event and answer say happened: no answer, or an answer that settles nothing. */
function unknownWhy(error: unknown): { reason: string; message: string } {
  if (isFireblocksError(error) && error.kind === 'http') {
    return {
      reason: `http_${error.status ?? 'error'}`,
      message: `Fireblocks answered HTTP ${error.status ?? '5xx'}, which may come after it accepted the change: it may or may not have been applied.`,
    };
  }
  const reason = isFireblocksError(error) ? error.kind : 'error';
  return { reason, message: 'Fireblocks did not answer: the change may or may not have been applied.' };
}

/**
 * Records the outcome of the send. From `sending`, or from `unknown` when a slow answer arrives after the worker gave
 * the sender up (SENDING_DEADLINE_MS): what Fireblocks answered is then the better record.
 */
async function settle(ctx: ChangeContext, row: ChangeRow, t: Omit<ChangeTransition, 'from'>): Promise<ChangeRow> {
  const from: ChangeState[] = t.to === 'unknown' ? ['sending'] : ['sending', 'unknown'];
  let current: ChangeRow | undefined = row;
  for (let attempt = 0; current && attempt < 3; attempt++) {
    const next = await transitionChange(ctx.db, current, { ...t, from });
    if (next) return next;
    current = await readChange(ctx.db, row.id);
  }
  // Already settled otherwise (e.g. reconciled from the live handler): that record stands.
  return current ?? row;
}

/**
 * Records that the change's PATCH is leaving now: `updated_at` (what the `sending` deadline counts from,
 * SENDING_DEADLINE_MS) and a new version, so that a replica which read the row before cannot mark it abandoned on
 * the old time. Refuses (and so nothing is sent) when the change is no longer `sending`.
 */
async function markSendStarted(db: Db, row: ChangeRow): Promise<ChangeRow> {
  const now = new Date().toISOString();
  const { rows } = await sql<ChangeRow>`
    update changes set updated_at = ${now}, version = version + 1
    where id = ${row.id} and state = 'sending' and version = ${row.version}
    returning *`.execute(db.kysely);
  const stamped = rows[0];
  if (!stamped) throw new Error(`change ${row.id} is no longer sending as read: its PATCH is not sent`);
  return stamped;
}

/** Where a change goes and what it sends: its key, and its recorded `after` (the PEM included). */
export interface ChangeTarget {
  cosignerId: string;
  apiKeyId: string;
  after: HandlerSnapshot;
}

/** The target of a recorded change. */
export function targetOf(row: ChangeRow): ChangeTarget {
  return {
    cosignerId: row.cosigner_id,
    apiKeyId: row.api_key_id,
    after: handlerSnapshotSchema.parse(JSON.parse(row.after_handler)),
  };
}

/**
 * Sends a change to Fireblocks, once (never retried), and records what came back: `sent` with the Fireblocks ids
 * on 202; `failed` on a refusal (a 4xx: the route answers the error as before, with the change id); `unknown` on no
 * answer or a 5xx (502/504 "outcome unknown: check before retrying"), which holds the key until it is reconciled. Sends only the callback handler: the change's `after`. The
 * one send step, whether the change was proposed with CHANGE_APPROVALS=0 or approved.
 *
 * `recording` is the transaction that puts the change in `sending` (the proposal, or the approval). The PATCH is
 * signed while it commits and leaves only once it has: a change is durable before anything reaches Fireblocks. If
 * the recording fails (another admin's change, a lost approval race), nothing is sent and its error is thrown.
 */
export async function sendChange(
  ctx: ChangeContext,
  target: ChangeTarget,
  recording: Promise<ChangeRow>,
  requestId: string,
): Promise<SentChange> {
  let started: ChangeRow | undefined;
  const sending = ctx.fireblocks.updateCallbackHandler(
    target.cosignerId,
    target.apiKeyId,
    { callbackHandler: requestedOf(target.after) },
    {
      sendAfter: recording,
      // The moment the PATCH really leaves (past the upstream gate), which the `sending` deadline counts from.
      beforeSend: async () => {
        started = await markSendStarted(ctx.db, await recording);
      },
    },
  );
  // Handled here at once: it may fail (refused before sending) while the recording still commits; read below.
  sending.catch(() => undefined);
  // A failed recording fails the PATCH too, before anything is sent: its error is the one to throw.
  const recorded = await recording;
  const row = () => started ?? recorded;
  const log = logger.child({ requestId, changeId: recorded.id });
  try {
    const result = await sending;
    const change = await settle(ctx, row(), {
      to: 'sent',
      set: { fireblocks_request_id: result.requestId, fireblocks_x_request_id: result.fireblocksRequestId ?? null },
      event: {
        kind: 'change_sent',
        actor: null,
        requestId,
        fireblocksRequestId: result.fireblocksRequestId ?? null,
        fireblocksAsyncRequestId: result.requestId,
        detail: { message: 'Fireblocks accepted the change (202).' },
      },
    });
    log.info(
      { fireblocksRequestId: result.fireblocksRequestId, fireblocksAsyncRequestId: result.requestId },
      'change sent',
    );
    return { change, requestId: result.requestId, fireblocksRequestId: result.fireblocksRequestId };
  } catch (error) {
    if (refused(error)) {
      await settle(ctx, row(), {
        to: 'failed',
        set: {
          fireblocks_x_request_id: error.fireblocksRequestId ?? null,
          decided_reason: `Fireblocks did not accept the change: ${error.message}`,
        },
        event: {
          kind: 'change_failed',
          actor: null,
          requestId,
          fireblocksRequestId: error.fireblocksRequestId ?? null,
          detail: { status: error.status ?? null, code: error.code ?? null, message: error.message },
        },
      });
      log.warn(
        { status: error.status, code: error.code, fireblocksRequestId: error.fireblocksRequestId },
        'change refused by Fireblocks',
      );
      const app = toAppError(error);
      throw new AppError({
        status: app.status,
        code: app.code,
        message: app.message,
        fireblocksRequestId: app.fireblocksRequestId,
        retryAfter: app.retryAfter,
        changeId: recorded.id,
      });
    }
    const why = unknownWhy(error);
    const fireblocksRequestId = isFireblocksError(error) ? error.fireblocksRequestId : undefined;
    await settle(ctx, row(), {
      to: 'unknown',
      set: { fireblocks_x_request_id: fireblocksRequestId ?? null },
      event: {
        kind: 'change_unknown',
        actor: null,
        requestId,
        fireblocksRequestId: fireblocksRequestId ?? null,
        detail: why,
      },
    });
    log.error({ err: error }, 'change outcome unknown');
    const timeout = why.reason === 'timeout';
    const answered = why.reason.startsWith('http_')
      ? 'Fireblocks answered with a server error'
      : 'Fireblocks did not answer';
    throw new AppError({
      status: timeout ? 504 : 502,
      code: timeout ? 'upstream_timeout' : 'upstream_error',
      message: `${answered}: outcome unknown: check before retrying (change ${recorded.id}).`,
      fireblocksRequestId,
      changeId: recorded.id,
    });
  }
}
