import 'server-only';

import { isIP } from 'node:net';

import type { X509Certificate } from 'node:crypto';

/** The subject alternative names, split as Node prints them (`DNS:a, IP Address:b`). */
export function listSans(cert: X509Certificate): string[] {
  const raw = cert.subjectAltName;
  if (!raw) return [];
  // Node quotes a name that itself contains ", ", so split only before a `Type:` prefix.
  return raw
    .split(/, (?=[A-Za-z][A-Za-z ]*:)/)
    .map((san) => san.trim())
    .filter(Boolean);
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

/** `DNS:a.example.com, IP Address:10.0.0.1` as plain names for a message. */
function namesOf(sans: string[]): string {
  if (sans.length === 0) return 'none (it has no subject alternative names)';
  return sans.map((san) => san.replace(/^(DNS|IP Address):/, '')).join(', ');
}

/**
 * The message for a certificate whose names miss the URL's host: an error when the Co-Signer would
 * connect over TLS (the Co-Signer's connection, pinned to the certificate, would fail), a
 * warning for plain http to a loopback simulator, where no TLS is involved.
 */
export function hostMismatchMessage(hostname: string, sans: string[], tls: boolean): string {
  const base = `This certificate does not cover ${hostname}: its names are ${namesOf(sans)}.`;
  return tls
    ? `${base} The Co-Signer would fail to connect.`
    : `${base} Over plain http that does not matter, but a real Co-Signer connecting over https would fail.`;
}
