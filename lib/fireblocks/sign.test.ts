import { verify } from 'node:crypto';

import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';

import { rsaTestKey } from '@/testing/fixtures/keys';
import { bodyHash, createRequestSigner, TOKEN_LIFETIME_SECONDS } from './sign';

const API_KEY = '9e4a3b8c-2f1d-4c6e-8a7b-5d3c2e1f0a9b';
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('bodyHash', () => {
  it('matches the published Fireblocks SDK test vector', () => {
    expect(bodyHash('{"key":"value"}')).toBe('e43abcf3375244839c012f9633f95862d232a95b00d5bc7348b3098b9fed7f32');
  });

  it('hashes the empty string when there is no body', () => {
    expect(bodyHash()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes the exact UTF-8 bytes, not a re-serialization', () => {
    const bytes = new TextEncoder().encode('{"name":"Trésor"}');
    expect(bodyHash(bytes)).toBe(bodyHash('{"name":"Trésor"}'));
    expect(bodyHash(bytes)).not.toBe(bodyHash('{ "name": "Trésor" }'));
  });
});

describe('createRequestSigner', () => {
  const { privateKey, publicKey } = rsaTestKey();
  const signJwt = createRequestSigner(API_KEY, privateKey);

  it('produces an RS256 JWT with exactly the Fireblocks claims', async () => {
    const nowMs = 1_767_225_600_789;
    const body = new TextEncoder().encode('{"key":"value"}');
    const [h = '', p = ''] = (await signJwt({ uri: '/v1/cosigners?pageSize=10', body, nowMs })).split('.');
    expect(decode(h)).toEqual({ alg: 'RS256', typ: 'JWT' });
    const claims = decode(p);
    expect(Object.keys(claims).sort()).toEqual(['bodyHash', 'exp', 'iat', 'nonce', 'sub', 'uri']);
    expect(claims).toMatchObject({
      uri: '/v1/cosigners?pageSize=10',
      sub: API_KEY,
      iat: 1_767_225_600,
      exp: 1_767_225_600 + TOKEN_LIFETIME_SECONDS,
      bodyHash: 'e43abcf3375244839c012f9633f95862d232a95b00d5bc7348b3098b9fed7f32',
    });
    expect(claims.nonce).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps exp under the documented 30 s window', () => {
    expect(TOKEN_LIFETIME_SECONDS).toBeLessThan(30);
  });

  it('uses a fresh nonce for every token', async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, () => signJwt({ uri: '/v1/cosigners' })));
    const nonces = new Set(tokens.map((t) => decode(t.split('.')[1] ?? '').nonce));
    expect(nonces.size).toBe(20);
  });

  it('signs so that the public key verifies it (node:crypto and jose)', async () => {
    const token = await signJwt({ uri: '/v1/cosigners' });
    const [h, p, s = ''] = token.split('.');
    expect(verify('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))).toBe(true);
    const { payload } = await jwtVerify(token, publicKey, { algorithms: ['RS256'], subject: API_KEY });
    expect(payload.bodyHash).toBe(bodyHash());
  });

  it('does not verify with another key', async () => {
    const other = rsaTestKey(3072).publicKey;
    const [h, p, s = ''] = (await signJwt({ uri: '/v1/cosigners' })).split('.');
    expect(verify('sha256', Buffer.from(`${h}.${p}`), other, Buffer.from(s, 'base64url'))).toBe(false);
  });
});
