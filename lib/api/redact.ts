import 'server-only';

const PEM = /-----BEGIN [^-]+-----[\s\S]*?(-----END [^-]+-----|$)/g;
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const IRON = /Fe26\.2\*[^\s"';]+/g;

/**
 * A one-line description of an unexpected error that is safe for the server log: PEM blocks (a pasted
 * key), JWTs (Fireblocks auth) and iron seals (session cookies) are cut out, and the text is capped.
 */
export function redactForLog(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : `non-error thrown (${typeof error})`;
  return text.replace(PEM, '[redacted PEM]').replace(JWT, '[redacted JWT]').replace(IRON, '[redacted seal]').slice(0, 4000);
}
