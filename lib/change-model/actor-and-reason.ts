/**
 * Two fields every layer of a change reads: who acted (as the change record and the audit trail name them) and the
 * optional reason that goes with a proposal, a decline or a reconciliation. No server-only import: the browser's
 * forms and the server parse the same schemas.
 */
import { z } from 'zod';

export const REASON_MAX_CHARS = 500;

/** Optional free text that goes with a proposal (and, later, a decline). */
export const changeReasonSchema = z
  .string({ error: 'The reason must be text.' })
  .trim()
  .max(REASON_MAX_CHARS, `Keep the reason to ${REASON_MAX_CHARS} characters.`);

/** A person as the change record and the audit trail name them (from the session, never from the request). */
export const changeActorSchema = z.object({
  iss: z.string(),
  sub: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'viewer']),
});

export type ChangeActor = z.infer<typeof changeActorSchema>;
