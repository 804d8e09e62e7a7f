import { createPublicKey, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

import { certPublicKeyHash } from '../../lib/callback-handler/fingerprint';
import type { CallbackHandler, CallbackHandlerRequest } from '../types';

// What the simulator accepts as a callback handler. Fireblocks' own server-side checks are undocumented
// (docs/fireblocks.md); these are the ones its docs imply: an HTTPS URL, parseable PEM, a key type the
// Co-signer can verify with, one authentication method. Plain http is allowed to loopback hosts only,
// the same exception the console makes for local demos against the simulator.

const MAX_URL_LENGTH = 2048;

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function checkUrl(raw: string): string | null {
  if (raw.length > MAX_URL_LENGTH) return `callbackHandler.url must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'callbackHandler.url must be an absolute URL';
  }
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  if (url.protocol !== 'https:') return 'callbackHandler.url must use https';
  if (url.username || url.password) return 'callbackHandler.url must not contain credentials';
  return null;
}

function checkPublicKey(pem: string): string | null {
  if ((pem.match(/-----BEGIN PUBLIC KEY-----/g) ?? []).length !== 1)
    return 'callbackHandler.publicKey must be one PEM public key';
  try {
    const key = createPublicKey(pem);
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (key.asymmetricKeyType === 'rsa' && bits >= 2048) return null;
    if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return null;
    return 'callbackHandler.publicKey must be an RSA (2048 bits or more) or P-256 key';
  } catch {
    return 'callbackHandler.publicKey is not a readable PEM public key';
  }
}

function checkCert(pem: string): string | null {
  if ((pem.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length !== 1)
    return 'callbackHandler.cert must be one PEM certificate';
  try {
    new X509Certificate(pem);
    return null;
  } catch {
    return 'callbackHandler.cert is not a readable PEM certificate';
  }
}

/** Null when acceptable, else a message that never echoes the submitted key material. */
export function checkCallbackHandler(h: CallbackHandlerRequest): string | null {
  if (`${h.publicKey ?? ''}${h.cert ?? ''}`.includes('PRIVATE KEY')) {
    return 'callbackHandler contains a private key; send only the public key or certificate';
  }
  // The hybrid modes (key + pinned cert) are configured on the Co-signer host only, never via this API.
  if (h.publicKey !== undefined && h.cert !== undefined) return 'callbackHandler takes publicKey or cert, not both';
  return (
    checkUrl(h.url) ??
    (h.publicKey !== undefined ? checkPublicKey(h.publicKey) : null) ??
    (h.cert !== undefined ? checkCert(h.cert) : null)
  );
}

/** The read model a key shows once the change completes: a certificate shows only as its key hash. */
export function toReadModel(h: CallbackHandlerRequest): CallbackHandler {
  const out: CallbackHandler = { url: h.url };
  if (h.publicKey !== undefined) out.publicKey = h.publicKey;
  if (h.cert !== undefined) out.certPublicKeyHash = certPublicKeyHash(h.cert);
  return out;
}
