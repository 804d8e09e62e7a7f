import { z } from 'zod';

/**
 * The audit event as exported and hashed (docs/contracts.md, "Audit events"). Every key is always present, null where it
 * does not apply, so an event's canonical JSON has one shape. No server-only imports: the audit page reads it too.
 */
export const AUDIT_EVENT_KINDS = [
  'sign_in',
  'sign_in_refused',
  'sign_out',
  'change_proposed',
  'change_approved',
  'change_declined',
  'change_withdrawn',
  'change_expired',
  'change_stale',
  'change_sent',
  'change_failed',
  'change_unknown',
  'change_status',
  'change_completed',
  'change_rejected',
  'change_reconciled',
] as const;
export const auditEventKindSchema = z.enum(AUDIT_EVENT_KINDS);

/** Who did it, as the IdP named them at the time. */
const auditActorSchema = z.strictObject({
  iss: z.string(),
  sub: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  role: z.string().nullable(),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
/** Any JSON value: before/after hold URL, auth mode and fingerprints; detail holds what the kind needs. */
const jsonValue = z.json();

export const auditEventSchema = z.strictObject({
  seq: z.number().int().positive(),
  /** ISO 8601 UTC with milliseconds. */
  at: z.iso.datetime({ precision: 3 }),
  kind: auditEventKindSchema,
  /** null: the console itself (reconciliation, expiry). */
  actor: auditActorSchema.nullable(),
  changeId: z.string().nullable(),
  cosignerId: z.string().nullable(),
  apiKeyId: z.string().nullable(),
  /** The console's request id. */
  requestId: z.string().nullable(),
  /** Fireblocks' X-Request-ID. */
  fireblocksRequestId: z.string().nullable(),
  /** Fireblocks' asynchronous request id. */
  fireblocksAsyncRequestId: z.string().nullable(),
  before: jsonValue.nullable(),
  after: jsonValue.nullable(),
  detail: jsonValue.nullable(),
  prevHash: hex64,
  hash: hex64,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
