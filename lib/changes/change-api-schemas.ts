/**
 * The change record as the console's own API shows it to the browser (and to scripts with a session cookie).
 * No server-only import: the UI imports these schemas and types. The server builds every answer through them, so
 * a column added to the `changes` table never reaches the browser by accident.
 * States and their moves: lib/change-model/states.ts.
 */
import { z } from 'zod';

import { changeActorSchema, changeReasonSchema } from '@/lib/change-model/actor-and-reason';
import { CHANGE_STATES } from '@/lib/change-model/states';
import { preflightResultSchema } from '@/lib/preflight/preflight-schemas';

/**
 * Recorded as the last status when Fireblocks answers 404 for a sent change's request: it does not know the request,
 * so the outcome is unknown (the change moves to `unknown`) and only the key's live handler can settle it.
 */
export const REQUEST_NOT_FOUND = 'NOT_FOUND';

/**
 * A callback handler as recorded on a change. `before` is the live read model the change was made against (a
 * certificate shows only as Fireblocks' `certPublicKeyHash`); `after` is what was (or will be) sent, with the
 * certificate's PEM. Fingerprints are lowercase hex SHA-256: of the SPKI for a public key, of the DER for a
 * certificate.
 */
export const handlerSnapshotSchema = z.object({
  url: z.string(),
  mode: z.enum(['publicKey', 'cert']),
  publicKey: z.string().optional(),
  publicKeyFingerprint: z.string().nullable().optional(),
  cert: z.string().optional(),
  certFingerprint: z.string().optional(),
  certPublicKeyHash: z.string().optional(),
});

/** One step of the change's life, read from its audit events (the one record of what happened). */
const changeTimelineEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  kind: z.string(),
  actor: changeActorSchema.pick({ sub: true, name: true, email: true }).nullable(),
  /** The Fireblocks request status observed, for `change_status` entries. */
  fireblocksStatus: z.string().nullable(),
  detail: z.string().nullable(),
});

const changeResponseSchema = z.object({
  id: z.string(),
  cosignerId: z.string(),
  apiKeyId: z.string(),
  state: z.enum(CHANGE_STATES),
  proposer: changeActorSchema,
  approver: changeActorSchema.nullable(),
  reason: z.string().nullable(),
  /** Why it was declined, failed, reconciled or went stale, in words for people. */
  decidedReason: z.string().nullable(),
  /** Null when the key had no callback handler. */
  before: handlerSnapshotSchema.nullable(),
  after: handlerSnapshotSchema,
  fireblocks: z.object({
    /** The asynchronous request id from `Location`, once Fireblocks accepted the PATCH. */
    requestId: z.string().nullable(),
    /** `X-Request-ID` of the PATCH: what Fireblocks support asks for. */
    xRequestId: z.string().nullable(),
    /**
     * The last request status observed (WAITING_FOR_APPROVAL, APPROVED, COMPLETED, ...), or REQUEST_NOT_FOUND when
     * Fireblocks answered 404 for the request id.
     */
    lastStatus: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /**
   * The last pre-flight check of `after`'s target (on proposal, at approval, on demand): what the approver sees
   * first. Null when none ran (PREFLIGHT=off).
   */
  preflight: preflightResultSchema.nullable(),
});

/** `GET /api/changes/{changeId}`: the change with its timeline, oldest step first. */
export const getChangeResponseSchema = z.object({
  data: changeResponseSchema.extend({ timeline: z.array(changeTimelineEntrySchema) }),
});

/** `GET /api/changes`: newest first, keyset paging (`next` is an opaque cursor or null). */
export const listChangesResponseSchema = z.object({ data: z.array(changeResponseSchema), next: z.string().nullable() });

export const listChangesQuerySchema = z.object({
  state: z.enum(['open', 'closed', 'all']).default('all'),
  cosignerId: z.string().min(1).max(128).optional(),
  apiKeyId: z.string().min(1).max(128).optional(),
  pageCursor: z.string().min(1).max(512).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

/**
 * `PATCH /api/cosigners/{c}/api-keys/{k}` answers: 201 when the change awaits approval, 202 when it was sent at once
 * (`requestId` is Fireblocks' asynchronous request id, `fireblocksRequestId` its X-Request-ID, as before).
 */
export const proposeChangeResponseSchema = z.object({
  change: changeResponseSchema,
  requestId: z.string().optional(),
  fireblocksRequestId: z.string().optional(),
});

/**
 * `POST /api/changes/{changeId}/reconcile`: an admin who checked Fireblocks (no pending or applied request for the
 * key) marks an `unknown` change as not applied, which frees the key. The reason says what they checked.
 */
export const reconcileChangeBodySchema = z.strictObject({
  outcome: z.literal('failed', {
    error: 'Only `failed` (not applied) can be set by hand; an applied change is found by itself.',
  }),
  reason: changeReasonSchema.min(1, 'Say what you checked in Fireblocks.'),
});

/** `POST /api/changes/{changeId}/approve` and `.../withdraw` take an empty JSON object. */
export const emptyChangeBodySchema = z.strictObject({});

/** `POST /api/changes/{changeId}/decline`: why, for the proposer. */
export const declineChangeBodySchema = z.strictObject({
  reason: changeReasonSchema.min(1, 'Say why you decline the change.'),
});

/**
 * A change sent to Fireblocks, as the 202 of `PATCH /api/cosigners/{c}/api-keys/{k}` (sent at once) and of
 * `POST /api/changes/{changeId}/approve` answer it: the change (sent) and the ids, the request id present.
 */
export const sentChangeResponseSchema = proposeChangeResponseSchema.extend({ requestId: z.string() });

/** `POST /api/changes/{changeId}/decline` and `.../withdraw` answer 200 with the change as it now stands. */
export const changeDecisionResponseSchema = z.object({ change: changeResponseSchema });

export const changeParamsSchema = z.object({ changeId: z.uuid({ message: 'must be a change id (UUID)' }) });

export type HandlerSnapshot = z.infer<typeof handlerSnapshotSchema>;
export type ChangeTimelineEntry = z.infer<typeof changeTimelineEntrySchema>;
export type ChangeResponse = z.infer<typeof changeResponseSchema>;
export type GetChangeResponse = z.infer<typeof getChangeResponseSchema>;
export type ListChangesResponse = z.infer<typeof listChangesResponseSchema>;
export type ListChangesQuery = z.infer<typeof listChangesQuerySchema>;
export type ProposeChangeResponse = z.infer<typeof proposeChangeResponseSchema>;
export type ChangeParams = z.infer<typeof changeParamsSchema>;
export type SentChangeResponse = z.infer<typeof sentChangeResponseSchema>;
export type ChangeDecisionResponse = z.infer<typeof changeDecisionResponseSchema>;
