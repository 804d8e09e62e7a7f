import { createHash } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { rsaTestKey } from '@/testing/fixtures/keys';
import { startScriptedServer, type ScriptedServer } from '@/testing/upstream/scripted-server';
import { verifyRecordedRequest } from '@/testing/upstream/verify-token';
import { createFireblocksClient } from './client';
import { FireblocksError } from './fireblocks-error';
import { httpSend } from './http-send';
import { DEFAULT_RETRY } from './retry';
import { createRequestSigner, type SignRequestInput } from './sign';
import { call } from './transport';
import { createUpstreamGate } from './upstream-gate';

const API_KEY = '0b7c6d5e-4f3a-4b2c-9d1e-8f7a6b5c4d3e';
const COSIGNER = '44fcead0-7053-4831-a53a-df7fb90d440f';
const { privateKey, publicKey, privatePem } = rsaTestKey();

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (body: unknown, status = 200, headers: Record<string, string> = {}) => {
  server = await startScriptedServer(() => ({ status, body, headers: { 'X-Request-ID': 'fb-req-1', ...headers } }));
  return { s: server, client: createFireblocksClient({ baseUrl: server.baseUrl, apiKey: API_KEY, privateKey }) };
};

describe('requests on the wire', () => {
  it('signs uri = path + query including /v1, exactly as sent', async () => {
    const { s, client } = await start({ data: [], next: null });
    await client.listCosigners({ pageSize: 5, order: 'ASC', pageCursor: 'eJ0+eXAi/OiJ=' });
    const [req] = s.requests;
    expect(req?.url).toBe('/v1/cosigners?pageCursor=eJ0%2BeXAi%2FOiJ%3D&pageSize=5&order=ASC');
    const { claims } = await verifyRecordedRequest(req!, publicKey);
    expect(claims.uri).toBe(req?.url);
  });

  it('percent-encodes path parameters so an id cannot add a segment or a query', async () => {
    const { s, client } = await start({ status: 'COMPLETED', type: 'UPDATE_CALLBACK_HANDLER' });
    await client.getRequestStatus(COSIGNER, 'key/../x', 'r?id=1 2');
    const [req] = s.requests;
    expect(req?.url).toBe(`/v1/cosigners/${COSIGNER}/api_keys/key%2F..%2Fx/r%3Fid%3D1%202`);
    expect((await verifyRecordedRequest(req!, publicKey)).claims.uri).toBe(req?.url);
  });

  it('sends X-API-Key, the bearer JWT, JSON content type, and hashes the empty body for GET', async () => {
    const { s, client } = await start({ id: 'k1' });
    await client.getApiKey(COSIGNER, 'k1');
    const req = s.requests[0]!;
    expect(req.headers['x-api-key']).toBe(API_KEY);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body.length).toBe(0);
    const { claims, header } = await verifyRecordedRequest(req, publicKey);
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(claims.sub).toBe(API_KEY);
    expect(claims.bodyHash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes the exact PATCH bytes it sends and returns the request id from Location', async () => {
    const location = `/v1/cosigners/${COSIGNER}/api_keys/k1/req-42`;
    const { s, client } = await start({ id: 'k1', callbackHandler: { url: 'https://cb.example.com' } }, 202, {
      Location: location,
    });
    const body = {
      callbackHandler: {
        url: 'https://cb.example.com/é',
        publicKey: '-----BEGIN PUBLIC KEY-----\nAA==\n-----END PUBLIC KEY-----\n',
      },
    };
    const result = await client.updateCallbackHandler(COSIGNER, 'k1', body);
    const req = s.requests[0]!;
    expect(req.method).toBe('PATCH');
    expect(JSON.parse(req.body.toString('utf8'))).toEqual(body);
    const { claims } = await verifyRecordedRequest(req, publicKey);
    expect(claims.bodyHash).toBe(createHash('sha256').update(req.body).digest('hex'));
    expect(result).toMatchObject({ requestId: 'req-42', fireblocksRequestId: 'fb-req-1', data: { id: 'k1' } });
  });

  it('accepts the key as PEM text as well as a KeyObject', async () => {
    server = await startScriptedServer(() => ({ body: { id: COSIGNER, archived: false } }));
    const client = createFireblocksClient({ baseUrl: `${server.baseUrl}/`, apiKey: API_KEY, privateKey: privatePem });
    const { data } = await client.getCosigner(COSIGNER);
    expect(data).toEqual({ id: COSIGNER, archived: false });
    expect(server.requests[0]?.url).toBe(`/v1/cosigners/${COSIGNER}`);
    await verifyRecordedRequest(server.requests[0]!, publicKey);
  });
});

describe("a dot segment in an id (routes refuse it first; this is the client's own stop)", () => {
  const BODY = { callbackHandler: { url: 'https://cb.example.com', publicKey: 'x' } };
  // Each would resolve to another Fireblocks path: `.../api_keys/..` is PATCH /v1/cosigners/{c}/, "rename cosigner".
  const calls: Array<[string, (c: ReturnType<typeof createFireblocksClient>) => Promise<unknown>]> = [
    ['updateCallbackHandler with apiKeyId ..', (c) => c.updateCallbackHandler(COSIGNER, '..', BODY)],
    ['updateCallbackHandler with apiKeyId .', (c) => c.updateCallbackHandler(COSIGNER, '.', BODY)],
    ['getCosigner with cosignerId ..', (c) => c.getCosigner('..')],
    ['listApiKeys with cosignerId .', (c) => c.listApiKeys('.')],
    ['getApiKey with apiKeyId ..', (c) => c.getApiKey(COSIGNER, '..')],
    ['getRequestStatus with requestId ..', (c) => c.getRequestStatus(COSIGNER, 'k1', '..')],
  ];

  it.each(calls)('%s: throws invalid_request and sends nothing', async (_name, run) => {
    const { s, client } = await start({ id: COSIGNER, archived: false });
    const error = await run(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FireblocksError);
    expect(error).toMatchObject({ kind: 'invalid_request' });
    expect(s.requests).toEqual([]);
  });

  it('signs nothing either: the check runs before the signer', async () => {
    server = await startScriptedServer(() => ({ body: { id: 'k1' } }));
    const signed: SignRequestInput[] = [];
    const sign = createRequestSigner(API_KEY, privateKey);
    const t = {
      baseUrl: server.baseUrl,
      apiKey: API_KEY,
      sign: (input: SignRequestInput) => (signed.push(input), sign(input)),
      timeoutMs: 5000,
      retry: DEFAULT_RETRY,
      send: httpSend,
      gate: createUpstreamGate(),
    };
    const spec = (path: string) => ({
      method: 'PATCH' as const,
      lane: 'write' as const,
      path,
      route: path,
      body: BODY,
      schema: z.unknown(),
    });
    await expect(call(t, spec(`/cosigners/${COSIGNER}/api_keys/..`))).rejects.toMatchObject({
      kind: 'invalid_request',
    });
    await expect(call(t, spec(`/cosigners/${COSIGNER}/api_keys/%2E%2e`))).rejects.toMatchObject({
      kind: 'invalid_request',
    });
    expect(signed).toEqual([]);
    expect(server.requests).toEqual([]);
    // The positive control: the same transport signs and sends a plain path.
    await call(t, spec(`/cosigners/${COSIGNER}/api_keys/k1`));
    expect(signed.map((x) => x.uri)).toEqual([`/v1/cosigners/${COSIGNER}/api_keys/k1`]);
    expect(server.requests.map((r) => r.url)).toEqual([`/v1/cosigners/${COSIGNER}/api_keys/k1`]);
  });

  it('an id spelled %2e%2e is sent as those characters, encoded, not resolved', async () => {
    const { s, client } = await start({ id: 'k1' });
    await client.getApiKey(COSIGNER, '%2e%2e');
    expect(s.requests[0]?.url).toBe(`/v1/cosigners/${COSIGNER}/api_keys/%252e%252e`);
  });
});
