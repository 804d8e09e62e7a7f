/**
 * Two fields every layer of a change reads: who acted (as the change record and the audit trail name them) and the
 * optional reason that goes with a proposal, a decline or a reconciliation. No server-only import: the browser's
 * forms and the server parse the same schemas.
 */
import { z } from 'zod';

const REASON_MAX_CHARS = 500;

/** The armour line of a PEM block: the audit trail refuses PEM text (fingerprints only), so a reason cannot hold one. */
const PEM_ARMOUR = /-----BEGIN [A-Z0-9 ]+-----/;
/** Right-to-left and left-to-right controls: in a reason they would reorder what an approver reads. */
const BIDI_CONTROL = /\p{Bidi_Control}/u;

/** Free text that goes with a proposal, a decline or a reconciliation: shown to other admins, kept in the audit trail. */
export const changeReasonSchema = z
  .string({ error: 'The reason must be text.' })
  .trim()
  .max(REASON_MAX_CHARS, `Keep the reason to ${REASON_MAX_CHARS} characters.`)
  .refine((text) => !PEM_ARMOUR.test(text), {
    error:
      'Remove the PEM block (-----BEGIN …-----) from the reason: a key or certificate goes in its own field, and the change record keeps only its fingerprint.',
  })
  .refine((text) => !BIDI_CONTROL.test(text), {
    error:
      'Remove the right-to-left or left-to-right control character from the reason: it would reorder what other admins read.',
  });

/** A person as the change record and the audit trail name them (from the session, never from the request). */
export const changeActorSchema = z.object({
  iss: z.string(),
  sub: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'viewer']),
});

export type ChangeActor = z.infer<typeof changeActorSchema>;
