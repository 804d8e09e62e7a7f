import { createHash, type KeyObject } from 'node:crypto';

import { decodeProtectedHeader, jwtVerify } from 'jose';

import type { RecordedRequest } from './scripted-server';

export interface VerifiedToken {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/**
 * Checks a Fireblocks request the way the server does, with jose (an implementation independent of ours and of the
 * SDK's jsonwebtoken): RS256 signature by `publicKey`, `sub` = the X-API-Key sent, `uri` = the request-target
 * received, `bodyHash` = SHA-256 of the bytes received, `exp` within 55 s of `iat`. Throws naming the first mismatch.
 */
export async function verifyRecordedRequest(req: RecordedRequest, publicKey: KeyObject): Promise<VerifiedToken> {
  const auth = req.headers.authorization ?? '';
  if (!auth.startsWith('Bearer ')) throw new Error('no Bearer token');
  const token = auth.slice('Bearer '.length);
  const apiKey = req.headers['x-api-key'];
  const { payload } = await jwtVerify(token, publicKey, { algorithms: ['RS256'], subject: String(apiKey) });
  const expect = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`claim mismatch: ${what}`);
  };
  expect(payload.uri === req.url, `uri ${String(payload.uri)} != ${req.url}`);
  expect(payload.bodyHash === createHash('sha256').update(req.body).digest('hex'), 'bodyHash');
  expect(typeof payload.nonce === 'string' && payload.nonce.length > 0, 'nonce');
  expect(
    typeof payload.iat === 'number' && typeof payload.exp === 'number' && payload.exp - payload.iat <= 55,
    'exp window',
  );
  return { header: decodeProtectedHeader(token), claims: payload };
}
