import 'server-only';

import { createHash, type X509Certificate } from 'node:crypto';

import { spkiFingerprint } from '@/lib/callback-handler/fingerprint';

/** One DER element: its tag, where its content starts, and where it ends (exclusive). */
function element(der: Buffer, at: number, limit: number): { tag: number; content: number; end: number } {
  const tag = der[at];
  let length = der[at + 1];
  if (tag === undefined || length === undefined) throw new RangeError('truncated DER');
  let content = at + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes < 1 || bytes > 4) throw new RangeError('unsupported DER length');
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (der[content++] ?? NaN);
  }
  const end = content + length;
  if (!Number.isInteger(end) || end > limit) throw new RangeError('DER element runs past its parent');
  return { tag, content, end };
}

/**
 * The DER SubjectPublicKeyInfo inside a certificate's DER, found by walking TBSCertificate (RFC 5280 4.1: an
 * optional [0] version, then serial, signature algorithm, issuer, validity, subject, and the SPKI).
 */
export function spkiBytes(der: Buffer): Buffer {
  const certificate = element(der, 0, der.length);
  const tbs = element(der, certificate.content, certificate.end);
  let at = tbs.content;
  let field = element(der, at, tbs.end);
  if (field.tag === 0xa0) field = element(der, (at = field.end), tbs.end); // version
  for (let skip = 0; skip < 5; skip++) field = element(der, (at = field.end), tbs.end); // serial .. subject
  if (field.tag !== 0x30) throw new RangeError('no SubjectPublicKeyInfo where RFC 5280 puts it');
  return der.subarray(at, field.end);
}

/**
 * Lowercase hex SHA-256 of a certificate's SubjectPublicKeyInfo: the same value as `spkiFingerprint(cert.publicKey)`
 * (what a pin is compared by), read from the certificate's bytes. Node's way re-encodes the key through OpenSSL,
 * which costs about a tenth of a loopback TLS handshake; the probe hashes every certificate a server presents.
 * Falls back to Node's way for anything the walk does not expect.
 */
export function certificateSpkiSha256(cert: X509Certificate): string {
  try {
    return createHash('sha256').update(spkiBytes(cert.raw)).digest('hex');
  } catch {
    return spkiFingerprint(cert.publicKey);
  }
}
