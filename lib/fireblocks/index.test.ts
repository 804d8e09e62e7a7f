import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { rsaTestKey } from '@/testing/fixtures/keys';
import { startScriptedServer, type ScriptedServer } from '@/testing/upstream/scripted-server';
import { verifyRecordedRequest } from '@/testing/upstream/verify-token';
import { getFireblocks } from './index';

const API_KEY = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
const key = rsaTestKey();
let server: ScriptedServer;

beforeAll(async () => {
  server = await startScriptedServer(() => ({ body: { data: [], next: null }, headers: { 'X-Request-ID': 'cfg-1' } }));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    FIREBLOCKS_BASE_URL: `${server.baseUrl}/`,
    FIREBLOCKS_API_KEY: API_KEY,
    FIREBLOCKS_SECRET_KEY: key.privatePem,
    OIDC_ISSUER: 'http://127.0.0.1:1',
    OIDC_CLIENT_ID: 'cosigner-console-test',
    OIDC_CLIENT_SECRET: 'secret',
    SESSION_SECRET: 'x'.repeat(32),
    APP_URL: 'http://localhost:3000',
  };
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

describe('getFireblocks', () => {
  it('builds one client from the validated configuration', async () => {
    const client = getFireblocks();
    expect(getFireblocks()).toBe(client);
    const { fireblocksRequestId } = await client.listCosigners();
    expect(fireblocksRequestId).toBe('cfg-1');
    const req = server.requests[0]!;
    expect(req.headers['x-api-key']).toBe(API_KEY);
    expect(req.url).toBe('/v1/cosigners?pageSize=10&order=DESC');
    await verifyRecordedRequest(req, key.publicKey);
  });
});
