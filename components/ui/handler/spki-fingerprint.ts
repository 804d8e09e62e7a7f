import { spkiDerFromPem } from '@/lib/cosigners/spki-der';

/**
 * The SHA-256 fingerprint of a `BEGIN PUBLIC KEY` PEM, computed in the browser with WebCrypto, for the edit page's
 * one key (lists get it from the server). Same lowercase hex as the server's spkiFingerprint.
 */
export async function spkiFingerprintOfPem(pem: string): Promise<string | null> {
  const der = spkiDerFromPem(pem);
  if (!der) return null;
  const digest = await crypto.subtle.digest('SHA-256', der);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
