import { z } from 'zod';

import { auditEventKindSchema, type AuditEvent } from './audit-event-schema';

/**
 * The audit trail's query: the filters of `GET /api/audit` and `GET /api/audit/export`, and of the /audit page's
 * filter form, which builds its URLs with the same names. No server-only imports: the page reads it too.
 * An empty parameter (`kind=` from a cleared form field) means "no filter", as if it were absent.
 */
const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

/** Ids as docs/contracts.md spells them: letters, digits and `._~-` (a cosigner's is a UUID, which fits too). */
const idText = z
  .string()
  .trim()
  .max(128)
  .regex(/^[A-Za-z0-9._~-]+$/, 'letters, digits and ._~- only');
/** Any ISO 8601 time with an offset; kept as UTC with milliseconds, the form events' `at` is stored in (and compared as text). */
const isoTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());

export const auditFilterSchema = z
  .object({
    kind: optional(auditEventKindSchema),
    /** The actor's `sub` (the IdP's subject), exactly; the console itself (no actor) is never matched. */
    actor: optional(z.string().trim().max(256)),
    cosignerId: optional(idText),
    apiKeyId: optional(idText),
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
  'cosignerId',
  'apiKeyId',
  'from',
  'to',
] as const satisfies ReadonlyArray<keyof AuditFilter>;

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
