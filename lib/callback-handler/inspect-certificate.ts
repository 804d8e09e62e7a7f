import 'server-only';

import { X509Certificate } from 'node:crypto';

import { describeKey } from './describe-key';
import { certFingerprint, spkiFingerprint } from './fingerprint';
import { checkPem, normalizePem } from './pem-rules';
import { certCoversHost, hostMismatchMessage, listSans } from './certificate-host';
import { formatDay } from './verdict';

export interface CertificateInspection {
  subject: string;
  /** As Node prints them: `DNS:callbacks.example.com`, `IP Address:10.0.0.1`. */
  sans: string[];
  issuer: string;
  serial: string;
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  /** Hex SHA-256 of the certificate DER. */
  fingerprintSha256: string;
  keyType: string;
  keySizeBits: number | null;
  /** Hex SHA-256 of the certificate's SPKI: comparable with Fireblocks' `certPublicKeyHash`. */
  publicKeySha256: string;
  /** Whether a SAN names the URL's host; null when there is no usable URL to compare with. */
  coversHost: boolean | null;
  selfSigned: boolean;
}

export interface CertificateResult {
  info?: CertificateInspection;
  error?: string;
  warnings: string[];
}

export interface CertificateContext {
  now: Date;
  /** Host of the configured URL, when it parses. */
  hostname?: string;
  /**
   * Whether the Co-Signer would reach that host over TLS (an https URL). Only then does a certificate
   * that does not name the host break the connection; over the simulator's loopback http it is a warning.
   */
  tls?: boolean;
}

const DAY_MS = 86_400_000;
/** docs/callback-handler-rules.md: warn when the certificate expires within 30 days. */
const EXPIRY_WARNING_DAYS = 30;

const oneLine = (dn: string): string => dn.split('\n').filter(Boolean).join(', ');

function isSelfSigned(cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(cert) && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

function readCertificate(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

/** What a pasted certificate is; refuses an expired, not-yet-valid or wrong-host one, warns on expiry. */
export function inspectCertificate(text: string, ctx: CertificateContext): CertificateResult {
  const ruleError = checkPem(text, 'CERTIFICATE');
  if (ruleError) return { error: ruleError, warnings: [] };
  const pem = normalizePem(text);
  const cert = readCertificate(pem);
  if (!cert)
    return {
      error: 'This CERTIFICATE block could not be read as an X.509 certificate; the text may be damaged.',
      warnings: [],
    };

  const key = describeKey(cert.publicKey);
  const validFrom = new Date(cert.validFrom);
  const validTo = new Date(cert.validTo);
  const coversHost = ctx.hostname ? certCoversHost(cert, ctx.hostname) : null;
  const info: CertificateInspection = {
    subject: oneLine(cert.subject),
    sans: listSans(cert),
    issuer: oneLine(cert.issuer),
    serial: cert.serialNumber,
    validFrom: validFrom.toISOString(),
    validTo: validTo.toISOString(),
    fingerprintSha256: certFingerprint(pem),
    keyType: key.algorithm,
    keySizeBits: key.sizeBits,
    publicKeySha256: spkiFingerprint(cert.publicKey),
    coversHost,
    selfSigned: isSelfSigned(cert),
  };

  const warnings: string[] = [];
  let error: string | undefined;
  const now = ctx.now.getTime();
  if (now < validFrom.getTime()) {
    error = `The certificate is not valid until ${formatDay(validFrom)}; the Co-Signer would refuse the handler until then.`;
  } else if (now > validTo.getTime()) {
    error = `The certificate expired on ${formatDay(validTo)}; the Co-Signer would refuse the handler.`;
  } else {
    const days = Math.floor((validTo.getTime() - now) / DAY_MS);
    if (days < EXPIRY_WARNING_DAYS) {
      warnings.push(
        `The certificate expires in ${days} day${days === 1 ? '' : 's'} (${formatDay(validTo)}); the pinned handler stops working then.`,
      );
    }
  }
  if (coversHost === false && ctx.hostname) {
    const message = hostMismatchMessage(ctx.hostname, info.sans, ctx.tls ?? true);
    // A validity error already refuses the certificate; the host then goes with the warnings.
    if (ctx.tls === false || error) warnings.push(message);
    else error = message;
  }
  if (key.algorithm === 'RSA' && (key.sizeBits ?? 0) < 2048) {
    warnings.push(`The certificate's RSA ${key.sizeBits ?? '?'}-bit key is weak; use at least 2048 bits.`);
  }
  return { info, ...(error ? { error } : {}), warnings };
}
