import type { ApiKeyCallbackHandler } from '@/lib/cosigners/console-api-schemas';

/** What a change sent (from its record), to check against what goes live. */
export interface SubmittedHandler {
  url: string;
  mode: 'publicKey' | 'cert';
  /** The public key PEM sent (public keys are not secret). */
  publicKey?: string;
  /** For a certificate: hex SHA-256 of its SPKI, comparable with Fireblocks' certPublicKeyHash. */
  certPublicKeySha256?: string;
}

export interface HandlerMatch {
  matches: boolean;
  /** Plain-language differences, empty when it matches. */
  differences: string[];
}

/** The base64 body of a PEM, whitespace removed: two encodings of one key compare equal. */
function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END)[^-]*-----/g, '').replace(/\s+/g, '');
}

const hex = (v: string) => v.toLowerCase().replace(/[^0-9a-f]/g, '');

/** After COMPLETED: is the handler Fireblocks now reports the one that was submitted? */
export function compareLiveToSubmitted(
  live: ApiKeyCallbackHandler | undefined,
  submitted: SubmittedHandler,
): HandlerMatch {
  if (!live) return { matches: false, differences: ['The key has no callback handler.'] };
  const differences: string[] = [];
  if (live.url.trim() !== submitted.url.trim()) differences.push(`The live URL is ${live.url}, not ${submitted.url}.`);
  if (submitted.mode === 'publicKey') {
    if (!live.publicKey) differences.push('The live handler does not use a public key.');
    else if (!submitted.publicKey || pemBody(live.publicKey) !== pemBody(submitted.publicKey)) {
      differences.push('The live public key is not the one submitted.');
    }
  } else if (!live.certPublicKeyHash) {
    differences.push('The live handler does not pin a certificate.');
  } else if (!submitted.certPublicKeySha256 || hex(live.certPublicKeyHash) !== hex(submitted.certPublicKeySha256)) {
    differences.push('The live certificate key hash is not the one of the submitted certificate.');
  }
  return { matches: differences.length === 0, differences };
}
