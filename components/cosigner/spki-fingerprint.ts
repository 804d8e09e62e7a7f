/**
 * The SHA-256 fingerprint of a `BEGIN PUBLIC KEY` PEM, computed in the browser with WebCrypto: the PEM body
 * IS the DER SubjectPublicKeyInfo, so hashing its bytes gives the same lowercase hex that the server's
 * spkiFingerprint (lib/callback/fingerprint.ts) gives, without sending keys anywhere or shipping a parser.
 */
export function spkiDerFromPem(pem: string): Uint8Array<ArrayBuffer> | null {
  const match = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(pem);
  if (!match?.[1]) return null;
  const b64 = match[1].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  try {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Lowercase hex SHA-256 of the key's SPKI, or null when the text is not a public key PEM. */
export async function spkiFingerprintOfPem(pem: string): Promise<string | null> {
  const der = spkiDerFromPem(pem);
  if (!der) return null;
  const digest = await crypto.subtle.digest('SHA-256', der);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
