import 'server-only';

const PEM = /-----BEGIN [^-]+-----[\s\S]*?(-----END [^-]+-----|$)/g;
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const IRON = /Fe26\.2\*[^\s"';]+/g;

/**
 * Text safe for the server log (lib/log/logger.ts runs every string through it): PEM blocks (a pasted key), JWTs
 * (Fireblocks auth) and iron seals (session cookies) are cut out, and the text is capped at 4,000 characters.
 */
export function redactText(text: string): string {
  return text
    .replace(PEM, '[redacted PEM]')
    .replace(JWT, '[redacted JWT]')
    .replace(IRON, '[redacted seal]')
    .slice(0, 4000);
}
