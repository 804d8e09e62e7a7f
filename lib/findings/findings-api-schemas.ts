import { z } from 'zod';

import { openChangeRefSchema } from '@/lib/change-model/states';
import { cosignerIdSchema } from '@/lib/fireblocks/upstream-schemas';

/** GET /api/findings: what the console sees wrong with the workspace's handlers. No server-only: the UI reads it. */
export const FINDING_KINDS = [
  'misrouted_url',
  'cert_expired',
  'cert_expiring',
  'no_handler',
  'shared_url',
  'not_seen',
] as const;
const FINDING_SEVERITIES = ['critical', 'warning', 'info'] as const;

/** Days: a certificate expiring sooner, or a key not seen for longer, is a finding. */
export const CERT_EXPIRY_WARNING_DAYS = 30;
export const NOT_SEEN_DAYS = 30;

export const findingsQuerySchema = z.object({
  /** Only this cosigner's findings (the key list's badges); the analysis still spans the workspace. */
  cosignerId: cosignerIdSchema.optional(),
  /** `1`: walk the workspace again unless the last walk is only seconds old. */
  refresh: z.enum(['1']).optional(),
});

const findingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  severity: z.enum(FINDING_SEVERITIES),
  cosignerId: z.string(),
  cosignerName: z.string().optional(),
  apiKeyId: z.string(),
  url: z.string().optional(),
  /** What is wrong, one sentence. */
  summary: z.string(),
  /** What to do, one sentence. */
  action: z.string(),
  /** misrouted_url: the URL without the Co-Signer route, and the edit form prefilled with it (none while a change is open). */
  correctedUrl: z.string().optional(),
  fixPath: z.string().optional(),
  /** The key's open change, if any: the finding points at it instead of offering a fix on top of it. */
  openChange: openChangeRefSchema.optional(),
  /** cert_expiring / cert_expired: the certificate's notAfter (ISO). */
  expiresAt: z.string().optional(),
  /** not_seen: the key's lastSeen as Fireblocks sent it. */
  lastSeen: z.string().optional(),
  /** shared_url: the other keys on the same URL, in other cosigners. */
  sharedWith: z
    .array(z.object({ cosignerId: z.string(), cosignerName: z.string().optional(), apiKeyId: z.string() }))
    .optional(),
});

export const findingsResponseSchema = z.object({
  findings: z.array(findingSchema),
  /** When the walk the findings come from started (ISO). */
  asOf: z.string(),
});

export type FindingKind = (typeof FINDING_KINDS)[number];
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export type Finding = z.infer<typeof findingSchema>;
export type FindingsResponse = z.infer<typeof findingsResponseSchema>;
