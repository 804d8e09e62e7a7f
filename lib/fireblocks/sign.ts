import 'server-only';

import { createHash, randomUUID, sign, type KeyObject } from 'node:crypto';

/**
 * How long a token is valid (docs/fireblocks.md, quirks): Fireblocks' docs require `exp` < `iat` + 30 s, while the official
 * SDKs send `iat` + 55 (which the server evidently tolerates). We follow the documented rule: each token is used
 * for exactly one request sent immediately (retries sign afresh), so 29 s is ample, complies with the written
 * contract rather than with observed leniency, and halves how long a leaked token is replayable.
 */
export const TOKEN_LIFETIME_SECONDS = 29;

/** base64url of `{"alg":"RS256","typ":"JWT"}`, computed once: the header never changes. */
const HEADER_B64 = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');

/** Hex SHA-256 of the exact body bytes; of the empty string when there is no body (Fireblocks' rule). */
export function bodyHash(body?: Uint8Array | string): string {
  return createHash('sha256')
    .update(body ?? '')
    .digest('hex');
}

interface FireblocksClaims {
  uri: string;
  nonce: string;
  iat: number;
  exp: number;
  sub: string;
  bodyHash: string;
}

export interface SignRequestInput {
  /** Path plus query exactly as sent, including `/v1`, e.g. `/v1/cosigners?pageSize=10`. */
  uri: string;
  /** The exact bytes that go on the wire, or undefined for a bodiless request. */
  body?: Uint8Array;
  /** Seconds-resolution clock, injectable for tests. */
  nowMs?: number;
}

export type RequestSigner = (input: SignRequestInput) => Promise<string>;

/**
 * Returns a function that makes the `Authorization` JWT for one request. The key must already be a KeyObject
 * (see secret-key.ts): signing then costs one RSA signature plus a few microseconds of string work, which is the
 * floor every request pays. The signature is computed on libuv's thread pool (crypto.sign with a callback): an
 * RSA-4096 signature takes ~4 ms, which would otherwise block the server's event loop for every other request, and
 * a page's two first-paint reads sign in parallel on two cores.
 */
export function createRequestSigner(apiKey: string, privateKey: KeyObject): RequestSigner {
  return async ({ uri, body, nowMs = Date.now() }) => {
    const iat = Math.floor(nowMs / 1000);
    const claims: FireblocksClaims = {
      uri,
      nonce: randomUUID(),
      iat,
      exp: iat + TOKEN_LIFETIME_SECONDS,
      sub: apiKey,
      bodyHash: bodyHash(body),
    };
    const input = `${HEADER_B64}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const signature = await new Promise<Buffer>((resolve, reject) => {
      sign('sha256', Buffer.from(input), privateKey, (error, sig) => (error ? reject(error) : resolve(sig)));
    });
    return `${input}.${signature.toString('base64url')}`;
  };
}
