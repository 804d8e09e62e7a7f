import { z } from 'zod';

/**
 * Zod mirrors of the Cosigners (Beta) OpenAPI subset. No server-only import: the UI imports these types.
 *
 * Tolerant on purpose (docs/fireblocks.md, quirks: the API has changed which fields are required, and strict generated
 * models broke on it): unknown keys are stripped rather than refused, every field the spec marks optional is
 * optional, and an optional field sent as `null` reads as absent. Values we only display (cosigner `type`, request
 * `type`) accept any string so a new enclave kind does not turn a page into a 502; the request `status` stays a
 * strict enum because the console's polling decides what to do from it.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  // The outer .optional() keeps the key optional in the inferred type, not merely `T | undefined`.
  schema
    .nullish()
    .transform((v) => v ?? undefined)
    .optional();

/** The status of an asynchronous request (a callback handler change), as Fireblocks names it. */
export const FIREBLOCKS_REQUEST_STATUSES = [
  'WAITING_FOR_APPROVAL',
  'APPROVED',
  'CANCELLED',
  'REJECTED',
  'COMPLETED',
] as const;
export type FireblocksRequestStatus = (typeof FIREBLOCKS_REQUEST_STATUSES)[number];
export const TERMINAL_REQUEST_STATUSES: ReadonlySet<string> = new Set(['CANCELLED', 'REJECTED', 'COMPLETED']);

const versionSummarySchema = z.object({ hash: z.string(), name: optional(z.string()) });

export const cosignerSchema = z.object({
  id: z.string().min(1),
  archived: z.boolean(),
  name: optional(z.string()),
  type: optional(z.string()),
  version: optional(versionSummarySchema),
});

/** Read model: GET returns `certPublicKeyHash`, never the certificate itself. */
const callbackHandlerSchema = z.object({
  url: z.string(),
  publicKey: optional(z.string()),
  certPublicKeyHash: optional(z.string()),
});

export const apiKeySchema = z.object({
  id: z.string().min(1),
  // Spec format is date-time, but its own example is `2021-07-01 00:00:00+00:00`: keep the string as sent.
  lastSeen: optional(z.string()),
  callbackHandler: optional(callbackHandlerSchema),
});

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    next: z
      .string()
      .nullish()
      .transform((v) => v ?? null),
  });

export const cosignersPageSchema = page(cosignerSchema);
export const apiKeysPageSchema = page(apiKeySchema);

export const requestStatusResponseSchema = z.object({ status: z.enum(FIREBLOCKS_REQUEST_STATUSES), type: z.string() });

/** The 202 body echoes the write model (`cert`, not `certPublicKeyHash`). */
export const updateCallbackHandlerResponseSchema = z.object({
  id: z.string().min(1),
  callbackHandler: optional(z.object({ url: z.string(), publicKey: optional(z.string()), cert: optional(z.string()) })),
});

/**
 * One entry of `GET /management/api_users`. Every field is optional in Fireblocks' spec; `role`, `status` and
 * `userType` are display values (a role Fireblocks adds tomorrow must not lose every name), so any string is kept.
 * An entry without an id names no key: readers skip it.
 */
const apiUserSchema = z.object({
  id: optional(z.string().min(1)),
  name: optional(z.string()),
  role: optional(z.string()),
  enabled: optional(z.boolean()),
  status: optional(z.string()),
  userType: optional(z.string()),
});

export const apiUsersResponseSchema = z.object({ users: z.array(apiUserSchema) });

/** One entry of `GET /management/audit_logs`; times are epoch milliseconds. */
const auditLogEntrySchema = z.object({
  id: optional(z.string()),
  timestamp: optional(z.number()),
  createdAt: optional(z.number()),
  user: optional(z.string()),
  userId: optional(z.string()),
  subject: optional(z.string()),
  event: optional(z.string()),
  tenantId: optional(z.string()),
});

/** A page of the audit log: `cursor` asks for the next one (null on the last); `total` counts the period's entries. */
export const auditLogsPageSchema = z.object({
  data: z
    .array(auditLogEntrySchema)
    .nullish()
    .transform((v) => v ?? []),
  cursor: z
    .string()
    .nullish()
    .transform((v) => v || null),
  total: optional(z.number()),
});

const AUDIT_LOG_PERIODS = ['DAY', 'WEEK'] as const;
export const auditLogsQuerySchema = z.object({
  timePeriod: z.enum(AUDIT_LOG_PERIODS).default('DAY'),
  cursor: z.string().min(1).max(2048).optional(),
});

/** Fireblocks' error body; both fields optional per the spec. */
export const errorBodySchema = z.object({ message: optional(z.string()), code: optional(z.number()) });

/** Query of both list calls. Coerces `pageSize` so a route can pass URL query strings straight in. */
export const listPageQuerySchema = z.object({
  pageCursor: z.string().min(1).max(2048).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
  order: z.enum(['ASC', 'DESC']).default('DESC'),
});

/** 8-4-4-4-12 hex; `z.guid` rather than `z.uuid` so ids without RFC version bits are not refused. */
export const cosignerIdSchema = z.guid({ message: 'must be a cosigner id (UUID)' });
const SAFE_ID = /^[A-Za-z0-9._~-]+$/;
/**
 * `.` and `..` (and `%2e` spellings, which URL parsers treat the same) are path steps, not names: the URL parser
 * would resolve them and the request would go to another Fireblocks path (`.../api_keys/..` is the cosigner itself).
 */
const isDotSegment = (value: string): boolean => /^(?:\.|%2e){1,2}$/i.test(value);
const segmentId = (what: string) =>
  z
    .string()
    .min(1)
    .max(128)
    .regex(SAFE_ID, { message: `must be ${what} (letters, digits, . _ ~ -)` })
    .refine((value) => !isDotSegment(value), { message: `must be ${what}, not . or ..` });
export const apiKeyIdSchema = segmentId('an API key id');
export const requestIdSchema = segmentId('a request id');

export type FireblocksCosigner = z.infer<typeof cosignerSchema>;
export type FireblocksApiKey = z.infer<typeof apiKeySchema>;
/** A key's callback handler as Fireblocks reads it back (a certificate only by its `certPublicKeyHash`). */
export type FireblocksCallbackHandler = FireblocksApiKey['callbackHandler'];
export type CosignersPage = z.infer<typeof cosignersPageSchema>;
export type ApiKeysPage = z.infer<typeof apiKeysPageSchema>;
export type RequestStatusResponse = z.infer<typeof requestStatusResponseSchema>;
export type UpdateCallbackHandlerResponse = z.infer<typeof updateCallbackHandlerResponseSchema>;
export type ApiUsersResponse = z.infer<typeof apiUsersResponseSchema>;
export type AuditLogsPage = z.infer<typeof auditLogsPageSchema>;
export type AuditLogsQueryInput = z.input<typeof auditLogsQuerySchema>;
/** What callers may pass: every field optional, defaults applied by the schema. */
export type ListPageQueryInput = z.input<typeof listPageQuerySchema>;
