/**
 * The DER SubjectPublicKeyInfo inside a `BEGIN PUBLIC KEY` PEM: the PEM body IS that DER (RFC 7468), so hashing
 * these bytes gives the same SHA-256 as `spkiFingerprint` (lib/callback-handler/fingerprint.ts) without parsing the key.
 * No node: imports: the server (list summaries) and the browser (the edit page's one key) share it.
 */
export function spkiDerFromPem(pem: string): Uint8Array<ArrayBuffer> | null {
  const match = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(pem);
  if (!match?.[1]) return null;
  const b64 = match[1].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  try {
    const bin = atob(b64);
    // A DER SPKI is a SEQUENCE; anything else is not a key, whatever its label says.
    if (bin.charCodeAt(0) !== 0x30) return null;
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
