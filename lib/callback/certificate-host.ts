import 'server-only';

import { isIP } from 'node:net';

import type { X509Certificate } from 'node:crypto';

/** The subject alternative names, split as Node prints them (`DNS:a, IP Address:b`). */
export function listSans(cert: X509Certificate): string[] {
  const raw = cert.subjectAltName;
  if (!raw) return [];
  // Node quotes a name that itself contains ", ", so split only before a `Type:` prefix.
  return raw.split(/, (?=[A-Za-z][A-Za-z ]*:)/).map((san) => san.trim()).filter(Boolean);
}

/**
 * Whether the certificate covers `hostname`, per RFC 6125 as Node's `checkHost` implements it:
 * a wildcard only as the whole left-most label, matching exactly one label. The subject CN is not
 * consulted (`subject: 'never'`): current TLS clients ignore it, so a CN-only certificate is
 * reported as not covering the host.
 */
export function certCoversHost(cert: X509Certificate, hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return cert.checkIP(host) !== undefined;
  return cert.checkHost(host, { subject: 'never', wildcards: true, partialWildcards: false }) !== undefined;
}
