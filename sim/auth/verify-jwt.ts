import { createHash, verify, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { AUTH } from '../http/error-codes';
import { decodeJwt } from './decode-jwt';
import type { NonceCache } from './nonce-cache';

/**
 * Clock skew tolerated on `iat` (future) and `exp` (past). Fireblocks does not publish its tolerance; a few
 * seconds absorbs ordinary NTP drift between hosts while still refusing forward-/back-dated tokens.
 */
export const CLOCK_SKEW_SEC = 5;
/** Longest accepted token lifetime: every official SDK signs exp = iat + 55. */
const MAX_LIFETIME_SEC = 55;

export interface VerifyInput {
  /** Path and query exactly as received (`req.url`). */
  url: string;
  headers: IncomingHttpHeaders;
  /** Exact raw body bytes (empty when none). */
  body: Buffer;
  nowMs: number;
}

export type VerifyResult = { ok: true; apiKey: string } | { ok: false; code: number; message: string };

const reject = (code: number, message: string): VerifyResult => ({ ok: false, code, message });

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Verifies a request the way Fireblocks does (docs/fireblocks.md, signing); records the nonce on success. */
export function verifyRequest(input: VerifyInput, users: Map<string, KeyObject>, nonces: NonceCache): VerifyResult {
  const auth = header(input.headers, 'authorization');
  const token = auth && /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
  if (!token) return reject(AUTH.missingJwt, 'Unauthorized: JWT is missing');
  const apiKey = header(input.headers, 'x-api-key');
  if (!apiKey) return reject(AUTH.notAccepted, 'Unauthorized: X-API-Key header is missing');
  const publicKey = users.get(apiKey);
  if (!publicKey) return reject(AUTH.notAccepted, 'Unauthorized: unknown API key');

  const jwt = decodeJwt(token);
  if (!jwt) return reject(AUTH.invalidTokenFormat, 'Unauthorized: invalid token format');
  if (jwt.header.alg !== 'RS256')
    return reject(AUTH.invalidSignature, 'Unauthorized: invalid signature (alg must be RS256)');
  if (!verify('sha256', Buffer.from(jwt.signingInput), publicKey, jwt.signature)) {
    return reject(AUTH.invalidSignature, 'Unauthorized: invalid signature');
  }

  const { sub, uri, bodyHash, iat, exp, nonce } = jwt.claims;
  if (sub === undefined) return reject(AUTH.missingApiKeyInJwt, 'Unauthorized: API key missing in JWT (sub)');
  if (sub !== apiKey) return reject(AUTH.wrongUser, 'Unauthorized: JWT sub does not match X-API-Key');
  if (typeof uri !== 'string') return reject(AUTH.invalidTokenFormat, 'Unauthorized: invalid token format (uri)');
  if (uri !== input.url) return reject(AUTH.wrongUri, 'Unauthorized: wrong URI in JWT');
  const expectedHash = createHash('sha256').update(input.body).digest('hex');
  if (bodyHash !== expectedHash)
    return reject(AUTH.invalidSignature, 'Unauthorized: invalid signature (bodyHash does not match the body)');

  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isFinite(iat) || !Number.isFinite(exp)) {
    return reject(AUTH.invalidTokenFormat, 'Unauthorized: invalid token format (iat/exp)');
  }
  const nowSec = Math.floor(input.nowMs / 1000);
  if (iat > nowSec + CLOCK_SKEW_SEC)
    return reject(AUTH.futureIat, 'Unauthorized: request has a future issuance timestamp');
  if (exp <= nowSec - CLOCK_SKEW_SEC) return reject(AUTH.expired, 'Unauthorized: request has expired');
  if (exp <= iat || exp - iat > MAX_LIFETIME_SEC) {
    return reject(
      AUTH.invalidTokenFormat,
      `Unauthorized: exp must be after iat and at most ${MAX_LIFETIME_SEC} s after it`,
    );
  }

  if ((typeof nonce !== 'string' || nonce === '') && typeof nonce !== 'number') {
    return reject(AUTH.invalidTokenFormat, 'Unauthorized: invalid token format (nonce)');
  }
  if (!nonces.remember(String(nonce), exp + CLOCK_SKEW_SEC, nowSec)) {
    return reject(AUTH.notAccepted, 'Unauthorized: token not accepted (nonce already used)');
  }
  return { ok: true, apiKey };
}
