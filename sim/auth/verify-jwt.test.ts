import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ecP256PublicKeyPem, pkcs8PrivateKeyPem, rsaKeyPair } from '../../testing/fixtures/pem-fixtures';
import { AUTH } from '../http/error-codes';
import { startSimulator } from '../server';
import { expectError, expectValid } from '../../testing/sim/expect-valid';
import { simCall } from '../../testing/sim/sim-call';
import { signFireblocksJwt } from '../../testing/sim/sign-request';
import { startTestSim, type TestSim } from '../../testing/sim/test-sim';
import { CLOCK_SKEW_SEC } from './verify-jwt';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

const LIST = '/v1/cosigners?pageSize=2';
const now = (): number => Math.floor(Date.now() / 1000);

describe('request verification (Fireblocks 401 codes)', () => {
  it('accepts a correctly signed request', async () => {
    expectValid('GET', LIST, await t.call({ path: LIST }), 200);
  });

  it('-3 when there is no JWT, or not a Bearer one', async () => {
    expectError('GET', LIST, await t.call({ path: LIST, authorization: null }), 401, AUTH.missingJwt);
    expectError('GET', LIST, await t.call({ path: LIST, authorization: 'Basic dXNlcjpwYXNz' }), 401, AUTH.missingJwt);
  });

  it('-7 for an unknown or missing X-API-Key', async () => {
    expectError('GET', LIST, await t.call({ path: LIST, apiKeyHeader: randomUUID() }), 401, AUTH.notAccepted);
    expectError('GET', LIST, await t.call({ path: LIST, apiKeyHeader: null }), 401, AUTH.notAccepted);
  });

  it('-1 for a token signed by another key than the API user registered', async () => {
    const res = await t.call({ path: LIST, user: { apiKey: t.userA.apiKey, privateKey: t.userB.privateKey } });
    expectError('GET', LIST, res, 401, AUTH.invalidSignature);
  });

  it('-1 when the X-API-Key names another (known) user than the one who signed', async () => {
    const res = await t.call({ path: LIST, apiKeyHeader: t.userB.apiKey, claims: { sub: t.userB.apiKey } });
    expectError('GET', LIST, res, 401, AUTH.invalidSignature);
  });

  it('-6 when sub differs from X-API-Key; -2 when sub is missing', async () => {
    expectError('GET', LIST, await t.call({ path: LIST, claims: { sub: t.userB.apiKey } }), 401, AUTH.wrongUser);
    expectError('GET', LIST, await t.call({ path: LIST, claims: { sub: undefined } }), 401, AUTH.missingApiKeyInJwt);
  });

  it('-1 for a tampered body (bodyHash of other bytes)', async () => {
    const { sim } = t;
    const c = (await t.call({ path: '/v1/cosigners?pageSize=1' })).json as { data: Array<{ id: string }> };
    const path = `/v1/cosigners/${c.data[0]?.id ?? ''}`;
    const res = await t.call({
      method: 'PATCH',
      path,
      body: { name: 'Signed name' },
      sentBody: JSON.stringify({ name: 'Tampered' }),
    });
    expectError('PATCH', path, res, 401, AUTH.invalidSignature);
    // The same body re-serialised with other whitespace is other bytes, hence another hash.
    const spaced = await t.call({ method: 'PATCH', path, body: { name: 'x' }, sentBody: '{ "name": "x" }' });
    expectError('PATCH', path, spaced, 401, AUTH.invalidSignature);
    expect(sim.requestLog().at(-1)?.body).toBe('{ "name": "x" }');
  });

  it('-1 for a GET whose bodyHash is not the hash of the empty string', async () => {
    expectError('GET', LIST, await t.call({ path: LIST, claims: { bodyHash: 'e3b0' } }), 401, AUTH.invalidSignature);
  });

  it('-4 for a wrong uri, including a missing query or a missing /v1', async () => {
    expectError('GET', LIST, await t.call({ path: LIST, claims: { uri: '/v1/cosigners' } }), 401, AUTH.wrongUri);
    expectError(
      'GET',
      LIST,
      await t.call({ path: LIST, claims: { uri: '/cosigners?pageSize=2' } }),
      401,
      AUTH.wrongUri,
    );
    expectError(
      'GET',
      LIST,
      await t.call({ path: LIST, claims: { uri: 'http://127.0.0.1/v1/cosigners?pageSize=2' } }),
      401,
      AUTH.wrongUri,
    );
  });

  it('-10 for an expired token', async () => {
    const res = await t.call({ path: LIST, claims: { iat: now() - 120, exp: now() - 65 } });
    expectError('GET', LIST, res, 401, AUTH.expired);
  });

  it(`-12 for iat in the future beyond the ${CLOCK_SKEW_SEC} s skew; a small skew is accepted`, async () => {
    const ahead = now() + CLOCK_SKEW_SEC + 30;
    expectError(
      'GET',
      LIST,
      await t.call({ path: LIST, claims: { iat: ahead, exp: ahead + 30 } }),
      401,
      AUTH.futureIat,
    );
    const slight = now() + 2;
    expectValid('GET', LIST, await t.call({ path: LIST, claims: { iat: slight, exp: slight + 55 } }), 200);
  });

  it('-5 when exp is more than 55 s after iat, or not after it', async () => {
    expectError('GET', LIST, await t.call({ path: LIST, claims: { exp: now() + 56 } }), 401, AUTH.invalidTokenFormat);
    expectError('GET', LIST, await t.call({ path: LIST, claims: { exp: now() + 3600 } }), 401, AUTH.invalidTokenFormat);
    expectError(
      'GET',
      LIST,
      await t.call({ path: LIST, claims: { iat: now(), exp: now() } }),
      401,
      AUTH.invalidTokenFormat,
    );
  });

  it('-7 for a replayed nonce, also when the token is re-signed around the same nonce', async () => {
    const first = await t.call({ path: LIST });
    expectValid('GET', LIST, first, 200);
    expectError(
      'GET',
      LIST,
      await t.call({ path: LIST, authorization: `Bearer ${first.token}` }),
      401,
      AUTH.notAccepted,
    );
    const nonce = randomUUID();
    expectValid('GET', LIST, await t.call({ path: LIST, claims: { nonce } }), 200);
    expectError('GET', LIST, await t.call({ path: LIST, claims: { nonce } }), 401, AUTH.notAccepted);
  });

  it('a rejected request does not burn its nonce', async () => {
    const nonce = randomUUID();
    expectError('GET', LIST, await t.call({ path: LIST, claims: { nonce, uri: '/v1/other' } }), 401, AUTH.wrongUri);
    expectValid('GET', LIST, await t.call({ path: LIST, claims: { nonce } }), 200);
  });

  it('-5 for a token that is not a JWS, or lacks claims', async () => {
    expectError(
      'GET',
      LIST,
      await t.call({ path: LIST, authorization: 'Bearer not.a.jwt' }),
      401,
      AUTH.invalidTokenFormat,
    );
    expectError('GET', LIST, await t.call({ path: LIST, authorization: 'Bearer abc' }), 401, AUTH.invalidTokenFormat);
    expectError('GET', LIST, await t.call({ path: LIST, claims: { nonce: undefined } }), 401, AUTH.invalidTokenFormat);
    expectError('GET', LIST, await t.call({ path: LIST, claims: { iat: 'yesterday' } }), 401, AUTH.invalidTokenFormat);
  });

  it('-1 for an unsigned (alg none) or HMAC token', async () => {
    const claims = {
      uri: LIST,
      nonce: randomUUID(),
      iat: now(),
      exp: now() + 55,
      sub: t.userA.apiKey,
      bodyHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    };
    const enc = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const none = `${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims)}.`;
    expectError(
      'GET',
      LIST,
      await t.call({ path: LIST, authorization: `Bearer ${none}` }),
      401,
      AUTH.invalidTokenFormat,
    );
    const hs = await t.call({ path: LIST, header: { alg: 'HS256' } });
    expectError('GET', LIST, hs, 401, AUTH.invalidSignature);
  });

  it('accepts a numeric nonce (legacy SDKs) and any RSA key size of the registered user', async () => {
    expectValid('GET', LIST, await t.call({ path: LIST, claims: { nonce: Date.now() * 1000 + 7 } }), 200);
    expectValid('GET', LIST, await t.call({ path: LIST, user: t.userB }), 200);
  });

  it('logs each rejection with its code and never the token', async () => {
    t.sim.clearLog();
    const res = await t.call({ path: LIST, claims: { uri: '/v1/x' } });
    const entry = t.sim.requestLog()[0];
    expect(entry).toMatchObject({
      method: 'GET',
      path: LIST,
      status: 401,
      code: AUTH.wrongUri,
      apiKey: t.userA.apiKey,
    });
    expect(JSON.stringify(entry)).not.toContain(res.token);
  });

  it('the test signer builds what the simulator expects (sanity)', () => {
    const token = signFireblocksJwt({ apiKey: 'k', privateKey: t.userA.privateKey, uri: '/v1/x', nowSec: 100 });
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      uri: '/v1/x',
      sub: 'k',
      iat: 100,
      exp: 155,
      bodyHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });
});

describe('API user key sizes', () => {
  it('verifies RSA-4096 API users (what Fireblocks issues and the dev command generates)', async () => {
    const big = rsaKeyPair(4096, 'sim-4096');
    const apiKey = randomUUID();
    const sim = await startSimulator({ port: 0, apiUsers: [{ apiKey, publicKeyPem: big.publicKeyPem }] });
    try {
      const ok = await simCall(sim.url, { path: LIST, user: { apiKey, privateKey: big.privateKeyPem } });
      expectValid('GET', LIST, ok, 200);
    } finally {
      await sim.close();
    }
  });

  it('refuses to register a private key, a non-RSA key or garbage', async () => {
    const bad = [pkcs8PrivateKeyPem(), ecP256PublicKeyPem(), 'not a pem'];
    for (const publicKeyPem of bad) {
      await expect(startSimulator({ port: 0, apiUsers: [{ apiKey: 'k', publicKeyPem }] })).rejects.toThrow(
        /API user k/,
      );
    }
  });
});
