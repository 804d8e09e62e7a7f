// No `server-only` here on purpose: the simulator (plain Node via tsx, outside Next's react-server
// condition, where `server-only` throws) imports this to compute what a key shows after a certificate
// update. `node:crypto` already keeps it out of any browser bundle.
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';

import type { KeyObject } from 'node:crypto';

/**
 * Every fingerprint in this app is lowercase hex without separators, so a value shown in the
 * inspection panel can be compared character for character with what Fireblocks returns
 * (`certPublicKeyHash`). Format for display with `formatFingerprint` (lib/callback-handler/format.ts).
 */
function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function spkiDer(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

/**
 * SHA-256 of the DER SubjectPublicKeyInfo of a public key, in hex.
 *
 * Refuses private key PEM outright: `createPublicKey` would silently derive the public half, and a
 * caller that passed a private key by mistake must learn about it rather than get a fingerprint.
 */
export function spkiFingerprint(publicKey: string | KeyObject): string {
  if (typeof publicKey === 'string') {
    if (/PRIVATE KEY/i.test(publicKey)) {
      throw new Error('Refusing to fingerprint a private key; pass the public key only.');
    }
    return sha256Hex(spkiDer(createPublicKey(publicKey)));
  }
  if (publicKey.type !== 'public') throw new Error('Refusing to fingerprint a private key; pass the public key only.');
  return sha256Hex(spkiDer(publicKey));
}

/**
 * What this app takes Fireblocks' `certPublicKeyHash` to be: the hex SHA-256 of the certificate's
 * public key as DER SubjectPublicKeyInfo.
 *
 * Why this choice: Fireblocks documents the field only as a "hashed representation of the public key
 * of the callback handler's certificate"; the exact hash and encoding are UNCONFIRMED. SHA-256 over
 * the SPKI DER is what TLS public-key pinning conventionally hashes (HPKP, RFC 7469; Go's and
 * OpenSSL's pinning recipes), and the Co-Signer pins the handler's key during the TLS handshake
 * ("SSL public key does not match pinned public key"), so it is the most plausible reading. We chose
 * hex over RFC 7469's base64 to match how the app shows every other fingerprint. If a real workspace
 * shows another encoding, only this function and its test change.
 */
export function certPublicKeyHash(certPem: string): string {
  const cert = new X509Certificate(certPem);
  return sha256Hex(spkiDer(cert.publicKey));
}

/** SHA-256 of the whole certificate (DER), in hex: what `openssl x509 -fingerprint -sha256` shows. */
export function certFingerprint(certPem: string): string {
  return sha256Hex(new X509Certificate(certPem).raw);
}
