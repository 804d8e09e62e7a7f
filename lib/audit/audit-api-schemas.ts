import { z } from 'zod';

import { auditEventKindSchema, type AuditEvent } from './audit-event-schema';

/**
 * The audit trail's query: the filters of `GET /api/audit` and `GET /api/audit/export`, and of the /audit page's
 * filter form, which builds its URLs with the same names. No server-only imports: the page reads it too.
 * An empty parameter (`kind=` from a cleared form field) means "no filter", as if it were absent.
 */
const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

/**
 * An id, or any beginning of one (the table shows ids cut to their first 8 characters): letters, digits and `._~-`
 * (a UUID fits), matched case-insensitively.
 */
const idPrefix = z
  .string()
  .trim()
  .max(128)
  .regex(/^[A-Za-z0-9._~-]+$/, 'letters, digits and ._~- only (an id or its first characters)');
/** Text people type: names and emails. No control characters (nothing a name holds, and they hide in a URL). */
const personText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'no control or invisible characters');
/** Any ISO 8601 time with an offset; kept as UTC with milliseconds, the form events' `at` is stored in (and compared as text). */
const isoTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());

export const auditFilterSchema = z
  .object({
    /** The event kind's code (the page shows it in words). */
    kind: optional(auditEventKindSchema),
    /** The actor's subject, email or name, case-insensitively and whole; the console itself (no actor) is never matched. */
    actor: optional(personText(256)),
    /** A cosigner as people name it: a part of its name (from the workspace's index), or the beginning of its id. */
    cosigner: optional(personText(200)),
    /** The beginning of a cosigner's id (its whole id too). */
    cosignerId: optional(idPrefix),
    /** The beginning of an API key's id. */
    apiKeyId: optional(idPrefix),
    /** The beginning of a change's id. */
    changeId: optional(idPrefix),
    /** The beginning of a request id: the console's, Fireblocks' X-Request-ID or its asynchronous request id. */
    requestId: optional(idPrefix),
    /** Events at or after this time. */
    from: optional(isoTime),
    /** Events before this time (exclusive, so consecutive ranges do not overlap). */
    to: optional(isoTime),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { message: 'must be after from', path: ['to'] });
export type AuditFilter = z.infer<typeof auditFilterSchema>;
/** The filter's URL parameters, in the order the page writes them. */
export const AUDIT_FILTER_KEYS = [
  'kind',
  'actor',
  'cosigner',
  'cosignerId',
  'apiKeyId',
  'changeId',
  'requestId',
  'from',
  'to',
] as const satisfies ReadonlyArray<keyof AuditFilter>;

/** What each filter is called on the page and in its error messages. */
export const AUDIT_FILTER_LABELS: Record<(typeof AUDIT_FILTER_KEYS)[number], string> = {
  kind: 'Kind',
  actor: 'Actor',
  cosigner: 'Cosigner',
  cosignerId: 'Cosigner ID',
  apiKeyId: 'API key ID',
  changeId: 'Change ID',
  requestId: 'Request ID',
  from: 'From',
  to: 'Before',
};

const AUDIT_PAGE_SIZE_DEFAULT = 25;
const AUDIT_PAGE_SIZE_MAX = 100;

/** `pageCursor` is the previous page's `next`: opaque to callers (it encodes the last seq shown). */
export const auditPageQuerySchema = z.intersection(
  auditFilterSchema,
  z.object({
    pageCursor: optional(z.string().max(64)),
    pageSize: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(AUDIT_PAGE_SIZE_DEFAULT),
    ),
  }),
);
export type AuditPageQuery = z.infer<typeof auditPageQuerySchema>;

const AUDIT_EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export const auditExportQuerySchema = z.intersection(
  auditFilterSchema,
  z.object({ format: z.enum(AUDIT_EXPORT_FORMATS) }),
);
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

/** The answer of `GET /api/audit`: events newest first; `next` is the cursor of the following (older) page, null at the end. */
export interface AuditPageResponse {
  data: AuditEvent[];
  next: string | null;
}

/** Whether any filter is set: a filtered export is a subset of the chain and does not verify as one. */
export const isFiltered = (f: AuditFilter) => AUDIT_FILTER_KEYS.some((k) => f[k] !== undefined);
