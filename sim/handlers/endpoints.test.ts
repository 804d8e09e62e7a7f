import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pkcs8PrivateKeyPem, rsa2048PublicKeyPem, validCertPem } from '../../testing/fixtures/pem-fixtures';
import { SIM } from '../http/error-codes';
import { seedSummary } from '../seed';
import { expectError, expectValid } from '../../testing/sim/expect-valid';
import { control, startTestSim, type TestSim } from '../../testing/sim/test-sim';

// Every operation of the subset, success and error, each response validated against the OpenAPI document.
let t: TestSim;
const s = seedSummary(1);
const pk = s.keyWithPublicKey;
const keyPath = `/v1/cosigners/${pk.cosignerId}/api_keys/${pk.apiKeyId}`;

beforeAll(async () => {
  t = await startTestSim({ seed: 1, delays: { approveMs: 0, completeMs: 0 } });
});
afterAll(() => t.sim.close());

async function req(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  return t.call({ method, path, body, headers });
}

describe('cosigners', () => {
  it('GET /cosigners lists them (200)', async () => {
    const res = await req('GET', '/v1/cosigners');
    const body = expectValid('GET', '/v1/cosigners', res, 200) as { data: unknown[]; next: unknown };
    expect(body.data).toHaveLength(s.cosignerCount);
    expect(body.next).toBeNull();
  });

  it('GET /cosigners/{id}: 200, 404 unknown, 400 not a UUID', async () => {
    const path = `/v1/cosigners/${s.bigCosignerId}`;
    expect(expectValid('GET', path, await req('GET', path), 200)).toMatchObject({
      id: s.bigCosignerId,
      name: 'Treasury SGX',
      type: 'SGX',
      archived: false,
    });
    const unknown = `/v1/cosigners/${randomUUID()}`;
    expectError('GET', unknown, await req('GET', unknown), 404, SIM.cosignerNotFound);
    expectError('GET', '/v1/cosigners/nope', await req('GET', '/v1/cosigners/nope'), 400, SIM.invalidPathParam);
  });

  it('PATCH /cosigners/{id} renames (200); bad bodies are 400', async () => {
    const path = `/v1/cosigners/${s.byType['GCP-CONFSPACE']?.[0] ?? ''}`;
    expect(expectValid('PATCH', path, await req('PATCH', path, { name: 'Custody GCP' }), 200)).toMatchObject({
      name: 'Custody GCP',
    });
    expect(expectValid('GET', path, await req('GET', path), 200)).toMatchObject({ name: 'Custody GCP' });
    expectError('PATCH', path, await req('PATCH', path, { name: 7 }), 400, SIM.invalidBody);
    expectError('PATCH', path, await req('PATCH', path, '{"name":'), 400, SIM.invalidBody);
    expectError('PATCH', path, await req('PATCH', path, { name: 'x', colour: 'red' }), 400, SIM.invalidBody);
    expectError(
      'PATCH',
      path,
      await req('PATCH', path, '', { 'Content-Type': 'application/json' }),
      400,
      SIM.invalidBody,
    );
  });

  it('POST /cosigners adds a pending cosigner (201), Idempotency-Key replays the first answer', async () => {
    const body = { apiKeyId: randomUUID(), name: 'New Nitro' };
    const first = expectValid(
      'POST',
      '/v1/cosigners',
      await req('POST', '/v1/cosigners', body, { 'Idempotency-Key': 'k-1' }),
      201,
    );
    expect(first).toMatchObject({ ...body, existingCosigner: false, pendingCosignerId: expect.any(String) as unknown });
    const again = expectValid(
      'POST',
      '/v1/cosigners',
      await req('POST', '/v1/cosigners', { ...body, name: 'Other' }, { 'Idempotency-Key': 'k-1' }),
      201,
    );
    expect(again).toEqual(first);
    expectError('POST', '/v1/cosigners', await req('POST', '/v1/cosigners', { name: 'x' }), 400, SIM.invalidBody);
    expectError(
      'POST',
      '/v1/cosigners',
      await req('POST', '/v1/cosigners', { apiKeyId: 'abc', name: 'x' }),
      400,
      SIM.invalidBody,
    );
  });
});

describe('API keys', () => {
  it('GET /api_keys lists (200); 404 for an unknown cosigner', async () => {
    const path = `/v1/cosigners/${s.bigCosignerId}/api_keys?pageSize=100`;
    const body = expectValid('GET', path, await req('GET', path), 200) as { data: unknown[] };
    expect(body.data).toHaveLength(100);
    const unknown = `/v1/cosigners/${randomUUID()}/api_keys`;
    expectError('GET', unknown, await req('GET', unknown), 404, SIM.cosignerNotFound);
  });

  it('GET one key with each kind of handler (200); 404 for an unknown key', async () => {
    for (const ref of [s.keyWithPublicKey, s.keyWithCert, s.keyWithNoHandler]) {
      const path = `/v1/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}`;
      expect(expectValid('GET', path, await req('GET', path), 200)).toMatchObject({ id: ref.apiKeyId });
    }
    const unknown = `/v1/cosigners/${pk.cosignerId}/api_keys/${randomUUID()}`;
    expectError('GET', unknown, await req('GET', unknown), 404, SIM.apiKeyNotFound);
    const other = `/v1/cosigners/${s.bigCosignerId === pk.cosignerId ? s.cosignerIds[2] : s.bigCosignerId}/api_keys/${pk.apiKeyId}`;
    expectError('GET', other, await req('GET', other), 404, SIM.apiKeyNotFound);
  });

  it('PATCH updates the callback handler: 202 + Location, then the request status (200)', async () => {
    const body = { callbackHandler: { url: 'https://cb.example.com/fireblocks', publicKey: rsa2048PublicKeyPem() } };
    const res = await req('PATCH', keyPath, body);
    expect(expectValid('PATCH', keyPath, res, 202)).toEqual({ id: pk.apiKeyId, ...body });
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^${keyPath}/[0-9a-f-]{36}$`));
    expect(expectValid('GET', location, await req('GET', location), 200)).toEqual({
      type: 'UPDATE_CALLBACK_HANDLER',
      status: 'COMPLETED',
    });
    expect(expectValid('GET', keyPath, await req('GET', keyPath), 200)).toMatchObject({
      callbackHandler: { url: body.callbackHandler.url, publicKey: body.callbackHandler.publicKey },
    });
  });

  it('PATCH with a certificate echoes the cert; the key then shows certPublicKeyHash only', async () => {
    const cert = await validCertPem();
    const body = { callbackHandler: { url: 'https://cb.example.com/pinned', cert } };
    expectValid('PATCH', keyPath, await req('PATCH', keyPath, body), 202);
    const key = expectValid('GET', keyPath, await req('GET', keyPath), 200) as {
      callbackHandler: Record<string, string>;
    };
    expect(Object.keys(key.callbackHandler).sort()).toEqual(['certPublicKeyHash', 'url']);
  });

  it.each([
    ['invalid JSON', '{"callbackHandler":', SIM.invalidBody, 400],
    ['no url', { callbackHandler: { publicKey: 'x' } }, SIM.invalidBody, 400],
    ['unknown field', { callbackHandler: { url: 'https://a.example.com', publickey: 'x' } }, SIM.invalidBody, 400],
    ['url not a URL', { callbackHandler: { url: 'callbacks' } }, SIM.invalidBody, 400],
    ['plain http to a public host', { callbackHandler: { url: 'http://cb.example.com' } }, SIM.invalidBody, 400],
    [
      'unreadable public key',
      {
        callbackHandler: {
          url: 'https://a.example.com',
          publicKey: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
        },
      },
      SIM.invalidBody,
      400,
    ],
    [
      'unreadable certificate',
      {
        callbackHandler: {
          url: 'https://a.example.com',
          cert: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
        },
      },
      SIM.invalidBody,
      400,
    ],
  ])('PATCH refuses %s (400)', async (_name, body, code, status) => {
    expectError('PATCH', keyPath, await req('PATCH', keyPath, body), status, code);
  });

  it('PATCH refuses a private key without echoing it, and publicKey + cert together', async () => {
    const priv = pkcs8PrivateKeyPem();
    const res = await req('PATCH', keyPath, { callbackHandler: { url: 'https://a.example.com', publicKey: priv } });
    expectError('PATCH', keyPath, res, 400, SIM.invalidBody);
    expect(res.text).not.toContain(priv.split('\n')[1]);
    const both = {
      callbackHandler: { url: 'https://a.example.com', publicKey: rsa2048PublicKeyPem(), cert: await validCertPem() },
    };
    expectError('PATCH', keyPath, await req('PATCH', keyPath, both), 400, SIM.invalidBody);
  });

  it('PATCH accepts http to loopback (local demos) and refuses a non-JSON content type (415)', async () => {
    expectValid(
      'PATCH',
      keyPath,
      await req('PATCH', keyPath, { callbackHandler: { url: 'http://127.0.0.1:9000/cb' } }),
      202,
    );
    const res = await t.call({ method: 'PATCH', path: keyPath, body: '{}', headers: { 'Content-Type': 'text/plain' } });
    expectError('PATCH', keyPath, res, 415, SIM.unsupportedMediaType);
  });

  it('writes to an archived cosigner are 409', async () => {
    const archived = `/v1/cosigners/${s.archivedCosignerId}/api_keys?pageSize=1`;
    const first =
      (expectValid('GET', archived, await req('GET', archived), 200) as { data: Array<{ id: string }> }).data[0]?.id ??
      '';
    const path = `/v1/cosigners/${s.archivedCosignerId}/api_keys/${first}`;
    expectError(
      'PATCH',
      path,
      await req('PATCH', path, { callbackHandler: { url: 'https://a.example.com' } }),
      409,
      SIM.conflict,
    );
  });

  it('PUT pairs a key (202 + Location); it appears once completed; pairing again is 409', async () => {
    const id = randomUUID();
    const path = `/v1/cosigners/${s.bigCosignerId}/api_keys/${id}`;
    const body = { callbackHandler: { url: 'https://pair.example.com/cb', publicKey: rsa2048PublicKeyPem() } };
    const res = await req('PUT', path, body);
    expect(expectValid('PUT', path, res, 202)).toEqual({ id, ...body });
    const location = res.headers.get('location') ?? '';
    expect(expectValid('GET', location, await req('GET', location), 200)).toEqual({
      type: 'PAIR_API_KEY',
      status: 'COMPLETED',
    });
    expect(expectValid('GET', path, await req('GET', path), 200)).toMatchObject({ id });
    expectError('PUT', path, await req('PUT', path, body), 409, SIM.conflict);
    const bad = `/v1/cosigners/${s.bigCosignerId}/api_keys/not-a-uuid`;
    expectError('PUT', bad, await req('PUT', bad, {}), 400, SIM.invalidPathParam);
  });

  it('DELETE unpairs (202 + Location with the key); the key is gone once completed', async () => {
    const ref = s.keyWithNoHandler;
    const path = `/v1/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}`;
    const res = await req('DELETE', path);
    expect(expectValid('DELETE', path, res, 202)).toMatchObject({ id: ref.apiKeyId });
    const location = res.headers.get('location') ?? '';
    expect(expectValid('GET', location, await req('GET', location), 200)).toEqual({
      type: 'UNPAIR_API_KEY',
      status: 'COMPLETED',
    });
    expectError('GET', path, await req('GET', path), 404, SIM.apiKeyNotFound);
    // The request stays readable after its key is gone.
    expectValid('GET', location, await req('GET', location), 200);
  });

  it('request status: 404 for an unknown id or one of another key', async () => {
    const unknown = `${keyPath}/${randomUUID()}`;
    expectError('GET', unknown, await req('GET', unknown), 404, SIM.requestNotFound);
    const res = await req('PATCH', keyPath, { callbackHandler: { url: 'https://a.example.com/x' } });
    const requestId = (res.headers.get('location') ?? '').split('/').at(-1) ?? '';
    const wrong = `/v1/cosigners/${s.keyWithCert.cosignerId}/api_keys/${s.keyWithCert.apiKeyId}/${requestId}`;
    expectError('GET', wrong, await req('GET', wrong), 404, SIM.requestNotFound);
  });
});

describe('routing and headers', () => {
  it('404 for unknown paths, 405 for an unknown method; both with X-Request-ID', async () => {
    expectError('GET', '/v1/vault/accounts', await req('GET', '/v1/vault/accounts'), 404, SIM.routeNotFound);
    expectError('GET', '/v1/cosigners/', await req('GET', '/v1/cosigners/'), 404, SIM.routeNotFound);
    const res = await req('DELETE', '/v1/cosigners');
    expectError('DELETE', '/v1/cosigners', res, 405, SIM.methodNotAllowed);
    expect(res.headers.get('allow')).toBe('GET, POST');
    const outside = await fetch(`${t.sim.url}/`);
    expect(outside.status).toBe(404);
    expect(outside.headers.get('x-request-id')).toBeTruthy();
  });

  it('a body over 1 MB is 413', async () => {
    const path = `/v1/cosigners/${s.bigCosignerId}`;
    expectError('PATCH', path, await req('PATCH', path, { name: 'x'.repeat(1024 * 1024) }), 413, SIM.bodyTooLarge);
  });

  it('every X-Request-ID is distinct', async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await req('GET', '/v1/cosigners')).headers.get('x-request-id')),
    );
    expect(new Set(ids).size).toBe(3);
  });

  it('control routes answer JSON with X-Request-ID too', async () => {
    const res = await control(t.sim, 'GET', '/_sim/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});
