// Test-only Fireblocks JWT signer: builds tokens with chosen (possibly wrong) claims so tests can forge each
// kind of bad request. The product's signer lives in lib/fireblocks; the simulator's tests do not use it.
import { createHash, randomUUID, sign, type KeyObject } from 'node:crypto';

export type Claims = Record<string, unknown>;

export interface SignOptions {
  apiKey: string;
  privateKey: KeyObject | string;
  /** Path and query as sent, including /v1. */
  uri: string;
  /** Exact body bytes sent (hash of "" when absent). */
  body?: string;
  /** Claim overrides; a value of `undefined` removes the claim. */
  claims?: Claims;
  /** JWT header overrides (e.g. a different alg). */
  header?: Record<string, unknown>;
  nowSec?: number;
}

const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

export function signFireblocksJwt(o: SignOptions): string {
  const iat = o.nowSec ?? Math.floor(Date.now() / 1000);
  const claims: Claims = {
    uri: o.uri,
    nonce: randomUUID(),
    iat,
    exp: iat + 55,
    sub: o.apiKey,
    bodyHash: sha256Hex(o.body ?? ''),
  };
  for (const [k, v] of Object.entries(o.claims ?? {})) {
    if (v === undefined) delete claims[k];
    else claims[k] = v;
  }
  const input = `${b64url({ alg: 'RS256', typ: 'JWT', ...o.header })}.${b64url(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), o.privateKey).toString('base64url')}`;
}
