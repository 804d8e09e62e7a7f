/**
 * The one verdict on a callback handler being entered, shown in the inspection panel and beside the form's button:
 * computed here once, from the form's own errors and the server's inspection, so the two can never disagree.
 * Browser-safe: no server-only import.
 */

export type HandlerField = 'url' | 'publicKey' | 'cert';
export type VerdictKind = 'unusable' | 'incomplete' | 'warnings' | 'fine';

export const FIELD_NAMES: Record<HandlerField, string> = { url: 'URL', publicKey: 'Public key', cert: 'Certificate' };

export interface HandlerVerdict {
  kind: VerdictKind;
  /** What the panel and the button's hint both say: "Cannot be used: the certificate expired on 1 January 2025". */
  headline: string;
  /** Each field's problem once, the form's own message first (it is what the field shows). */
  problems: Array<{ field: HandlerField; message: string }>;
}

export interface HandlerVerdictInput {
  /** The server's inspection of the same input, when it is up to date. */
  inspectionErrors?: Partial<Record<HandlerField, string>>;
  warnings?: readonly string[];
  /** The form's own errors: they win over the server's for the same field. */
  formErrors?: Partial<Record<HandlerField, string | undefined>>;
  /** What is still missing, e.g. "No public key entered yet." */
  missing?: string;
}

/**
 * "The certificate expired on 1 January 2025; the Co-Signer would refuse the handler." gives "the certificate
 * expired on 1 January 2025": the message's first clause, its first word in lower case unless it is an acronym.
 */
export function reasonOf(message: string): string {
  const clause = (message.split(/(?<=[a-z0-9)])(?:\. |; )/i)[0] ?? message).replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(clause) ? clause.charAt(0).toLowerCase() + clause.slice(1) : clause;
}

export function handlerVerdict({
  inspectionErrors = {},
  warnings = [],
  formErrors = {},
  missing,
}: HandlerVerdictInput): HandlerVerdict {
  const problems = (Object.keys(FIELD_NAMES) as HandlerField[]).flatMap((field) => {
    const message = formErrors[field] || inspectionErrors[field];
    return message ? [{ field, message }] : [];
  });
  const first = problems[0];
  if (first) return { kind: 'unusable', headline: `Cannot be used: ${reasonOf(first.message)}`, problems };
  if (missing) return { kind: 'incomplete', headline: 'Not complete yet', problems };
  if (warnings.length > 0) return { kind: 'warnings', headline: 'Acceptable, with warnings', problems };
  return { kind: 'fine', headline: 'Looks right', problems };
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A day as people write it, "1 January 2025" (UTC: the same on the server and in every browser). */
export const formatDay = (value: string | number | Date): string => DAY_FORMAT.format(new Date(value));
