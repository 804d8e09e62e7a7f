import { Fireblocks } from '@fireblocks/ts-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rsaTestKey } from '@/testing/fixtures/keys';
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from '@/testing/upstream/scripted-server';
import { verifyRecordedRequest } from '@/testing/upstream/verify-token';
import { createFireblocksClient, type FireblocksClient } from './client';

/**
 * Compatibility with the official SDK: both clients send the same requests to a recording server, and each token
 * goes through the same verification. Values differ (nonce, iat, our shorter exp), the claim set must not.
 */
const API_KEY = '3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f';
const COSIGNER = '44fcead0-7053-4831-a53a-df7fb90d440f';
const KEY_ID = 'ec1ca5d4-3824-4c67-9bea-7f3f636b9f40';
const { privateKey, publicKey, privatePem } = rsaTestKey();

let server: ScriptedServer;
let ours: FireblocksClient;
let sdk: Fireblocks;

beforeAll(async () => {
  server = await startScriptedServer((req) =>
    req.method === 'PATCH'
      ? { status: 202, body: { id: KEY_ID }, headers: { Location: `/v1/cosigners/${COSIGNER}/api_keys/${KEY_ID}/r1` } }
      : req.url.includes('/api_keys/')
        ? { body: { status: 'APPROVED', type: 'UPDATE_CALLBACK_HANDLER' } }
        : req.url.includes('/management/api_users')
          ? { body: { users: [] } }
          : req.url.includes('/management/audit_logs')
            ? { body: { data: [], cursor: null, total: 0 } }
            : { body: { data: [], next: null } },
  );
  ours = createFireblocksClient({ baseUrl: server.baseUrl, apiKey: API_KEY, privateKey });
  sdk = new Fireblocks({ apiKey: API_KEY, secretKey: privatePem, basePath: server.baseUrl });
});
afterAll(() => server.close());

async function pair(
  run: () => Promise<unknown>,
  runSdk: () => Promise<unknown>,
): Promise<[RecordedRequest, RecordedRequest]> {
  const before = server.requests.length;
  await run();
  await runSdk();
  const [a, b] = server.requests.slice(before);
  return [a!, b!];
}

describe('our tokens and the official SDK tokens', () => {
  it('GET list: same path, same header, same claim set, both verify', async () => {
    const [a, b] = await pair(
      () => ours.listCosigners({ order: 'ASC', pageSize: 20 }),
      () => sdk.cosignersBeta.getCosigners({ order: 'ASC', pageSize: 20 }),
    );
    const [va, vb] = [await verifyRecordedRequest(a, publicKey), await verifyRecordedRequest(b, publicKey)];
    expect(va.header).toEqual(vb.header);
    expect(Object.keys(va.claims).sort()).toEqual(Object.keys(vb.claims).sort());
    expect(va.claims.bodyHash).toBe(vb.claims.bodyHash);
    expect(a.headers['x-api-key']).toBe(b.headers['x-api-key']);
    expect(new URL(a.url, 'http://x').searchParams.get('order')).toBe('ASC');
    expect(new URL(b.url, 'http://x').searchParams.get('pageSize')).toBe('20');
  });

  it('PATCH: the same body bytes give the same bodyHash, and both verify', async () => {
    const body = {
      callbackHandler: {
        url: 'https://cb.example.com/fireblocks',
        cert: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----',
      },
    };
    const [a, b] = await pair(
      () => ours.updateCallbackHandler(COSIGNER, KEY_ID, body),
      () =>
        sdk.cosignersBeta.updateCallbackHandler({
          cosignerId: COSIGNER,
          apiKeyId: KEY_ID,
          updateCallbackHandlerRequest: body,
        }),
    );
    expect(a.url).toBe(b.url);
    expect(a.body.equals(b.body)).toBe(true);
    const [va, vb] = [await verifyRecordedRequest(a, publicKey), await verifyRecordedRequest(b, publicKey)];
    expect(va.claims.bodyHash).toBe(vb.claims.bodyHash);
    expect(Object.keys(va.claims).sort()).toEqual(['bodyHash', 'exp', 'iat', 'nonce', 'sub', 'uri']);
    expect(Object.keys(vb.claims).sort()).toEqual(['bodyHash', 'exp', 'iat', 'nonce', 'sub', 'uri']);
  });

  it('GET by id: both encode path parameters the same way', async () => {
    const [a, b] = await pair(
      () => ours.getRequestStatus(COSIGNER, KEY_ID, 'r 1/2'),
      () => sdk.cosignersBeta.getRequestStatus({ cosignerId: COSIGNER, apiKeyId: KEY_ID, requestId: 'r 1/2' }),
    );
    expect(a.url).toBe(b.url);
    expect((await verifyRecordedRequest(a, publicKey)).claims.uri).toBe(
      (await verifyRecordedRequest(b, publicKey)).claims.uri,
    );
  });

  it('the API users and audit log reads: the same URLs and claim sets as the SDK, both verify', async () => {
    const [a, b] = await pair(
      () => ours.listApiUsers(),
      () => sdk.apiUser.getApiUsers(),
    );
    expect(a.url).toBe(b.url);
    const [c, d] = await pair(
      () => ours.getAuditLogs({ timePeriod: 'WEEK', cursor: 'abc=' }),
      () => sdk.auditLogs.getAuditLogs({ timePeriod: 'WEEK', cursor: 'abc=' }),
    );
    expect(new URL(c.url, 'http://x').pathname).toBe(new URL(d.url, 'http://x').pathname);
    expect(new URL(c.url, 'http://x').searchParams.get('cursor')).toBe('abc=');
    expect(new URL(d.url, 'http://x').searchParams.get('timePeriod')).toBe('WEEK');
    for (const [ours_, theirs] of [
      [a, b],
      [c, d],
    ] as const) {
      const [va, vb] = [await verifyRecordedRequest(ours_, publicKey), await verifyRecordedRequest(theirs, publicKey)];
      expect(Object.keys(va.claims).sort()).toEqual(Object.keys(vb.claims).sort());
      expect(va.claims.bodyHash).toBe(vb.claims.bodyHash);
    }
  });
});
