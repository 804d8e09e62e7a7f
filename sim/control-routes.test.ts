import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { certPublicKeyHash } from '../lib/callback-handler/fingerprint';
import { rsa2048PublicKeyPem, validCertPem } from '../testing/fixtures/pem-fixtures';
import { largeSeedSummary, seedSummary, type LargeSeedSummary } from './seed';
import { control, startTestSim, type TestSim } from '../testing/sim/test-sim';

let t: TestSim;
const s = seedSummary(3);

beforeAll(async () => {
  t = await startTestSim({ seed: 3, delays: { approveMs: 60_000, completeMs: 60_000 } });
});
afterAll(() => t.sim.close());

describe('/_sim control routes', () => {
  it('health reports the seed, data size and delays', async () => {
    expect((await control(t.sim, 'GET', '/_sim/health')).json).toEqual({
      ok: true,
      seed: 3,
      workspace: 'demo',
      cosigners: s.cosignerCount,
      delays: { approveMs: 60_000, completeMs: 60_000 },
    });
  });

  it('log lists every /v1 request (method, path, status, apiKey, body), not control calls; DELETE clears it', async () => {
    await control(t.sim, 'DELETE', '/_sim/log');
    const path = `/v1/cosigners/${s.bigCosignerId}`;
    await t.call({ method: 'PATCH', path, body: { name: 'Treasury' } });
    await t.call({ path: '/v1/cosigners?pageSize=1' });
    const log = (await control(t.sim, 'GET', '/_sim/log')).json as Array<Record<string, unknown>>;
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      method: 'PATCH',
      path,
      status: 200,
      apiKey: t.userA.apiKey,
      body: '{"name":"Treasury"}',
      requestId: expect.any(String) as unknown,
    });
    expect(log[1]).toMatchObject({ method: 'GET', path: '/v1/cosigners?pageSize=1', status: 200 });
    expect(t.sim.requestLog()).toEqual(log);
    expect((await control(t.sim, 'DELETE', '/_sim/log')).status).toBe(204);
    expect(t.sim.requestLog()).toEqual([]);
  });

  it('seed returns the summary; reset restores the seed data and can switch seeds', async () => {
    expect((await control(t.sim, 'GET', '/_sim/seed')).json).toEqual(s);
    const path = `/v1/cosigners/${s.bigCosignerId}`;
    await t.call({ method: 'PATCH', path, body: { name: 'Renamed' } });
    expect((await control(t.sim, 'POST', '/_sim/reset')).json).toEqual({ seed: 3, workspace: 'demo' });
    expect((await t.call({ path })).json).toMatchObject({ name: 'Treasury SGX' });
    expect((await control(t.sim, 'POST', '/_sim/reset', { seed: 4 })).json).toEqual({ seed: 4, workspace: 'demo' });
    expect((await t.call({ path })).status).toBe(404);
    expect((await t.call({ path: `/v1/cosigners/${seedSummary(4).bigCosignerId}` })).status).toBe(200);
    await control(t.sim, 'POST', '/_sim/reset', { seed: 3 });
    expect((await control(t.sim, 'POST', '/_sim/reset', { seed: 'x' })).status).toBe(400);
  });

  it('reset switches to the large workspace (10,000 keys, 20 cosigners) and back', async () => {
    expect((await control(t.sim, 'POST', '/_sim/reset', { workspace: 'large' })).json).toEqual({
      seed: 3,
      workspace: 'large',
    });
    const summary = (await control(t.sim, 'GET', '/_sim/seed')).json as LargeSeedSummary;
    expect(summary).toEqual(largeSeedSummary(3));
    const cosigners = (await t.call({ path: '/v1/cosigners?pageSize=100' })).json as { data: Array<{ id: string }> };
    expect(cosigners.data.map((c) => c.id).sort()).toEqual([...summary.cosignerIds].sort());
    const first = summary.cosignerIds[0] ?? '';
    const page = (await t.call({ path: `/v1/cosigners/${first}/api_keys?pageSize=100` })).json as { next: string };
    expect(page.next).toEqual(expect.any(String));
    const users = (await t.call({ path: '/v1/management/api_users' })).json as { users: unknown[] };
    expect(users.users).toHaveLength(summary.apiUserCount + 2);
    expect(t.sim.workspace).toBe('large');
    expect((await control(t.sim, 'POST', '/_sim/reset', { workspace: 'demo' })).json).toEqual({
      seed: 3,
      workspace: 'demo',
    });
    expect((await control(t.sim, 'GET', '/_sim/seed')).json).toEqual(s);
    expect((await control(t.sim, 'POST', '/_sim/reset', { workspace: 'huge' })).status).toBe(400);
  });

  it('requests lists async requests; forcing an unknown one is 404, an unknown action 404', async () => {
    const ref = s.keyWithPublicKey;
    const res = await t.call({
      method: 'PATCH',
      path: `/v1/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}`,
      body: { callbackHandler: { url: 'https://a.example.com' } },
    });
    const id = (res.headers.get('location') ?? '').split('/').at(-1);
    const list = (await control(t.sim, 'GET', '/_sim/requests')).json as Array<Record<string, unknown>>;
    expect(list).toContainEqual({
      id,
      type: 'UPDATE_CALLBACK_HANDLER',
      status: 'WAITING_FOR_APPROVAL',
      cosignerId: ref.cosignerId,
      apiKeyId: ref.apiKeyId,
    });
    expect((await control(t.sim, 'POST', '/_sim/requests/nope/reject')).status).toBe(404);
    expect((await control(t.sim, 'POST', `/_sim/requests/${id ?? ''}/explode`)).status).toBe(404);
    expect((await control(t.sim, 'GET', '/_sim/nothing')).status).toBe(404);
  });

  it('delays can be read and changed; bad values are 400', async () => {
    expect((await control(t.sim, 'POST', '/_sim/delays', { approveMs: 10, completeMs: 20 })).json).toEqual({
      approveMs: 10,
      completeMs: 20,
    });
    expect((await control(t.sim, 'GET', '/_sim/delays')).json).toEqual({ approveMs: 10, completeMs: 20 });
    expect((await control(t.sim, 'POST', '/_sim/delays', { approveMs: -1, completeMs: 0 })).status).toBe(400);
    expect((await control(t.sim, 'POST', '/_sim/delays', '{')).status).toBe(400);
  });

  it("sets a key's handler at once (a change made outside the console), checked like a PATCH", async () => {
    const ref = s.keyWithNoHandler;
    const path = `/_sim/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}/callback_handler`;
    const publicKey = rsa2048PublicKeyPem();
    expect((await control(t.sim, 'PUT', path, { url: 'https://moved.example.com/cb', publicKey })).status).toBe(200);
    const read = `/v1/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}`;
    expect((await t.call({ path: read })).json).toMatchObject({
      callbackHandler: { url: 'https://moved.example.com/cb', publicKey },
    });
    const cert = await validCertPem();
    await control(t.sim, 'PUT', path, { url: 'https://moved.example.com/cb', cert });
    expect((await t.call({ path: read })).json).toMatchObject({
      callbackHandler: { url: 'https://moved.example.com/cb', certPublicKeyHash: certPublicKeyHash(cert) },
    });
    expect((await control(t.sim, 'PUT', path, { url: 'http://moved.example.com/cb' })).status).toBe(400);
    const unknown = `/_sim/cosigners/${ref.cosignerId}/api_keys/${s.bigCosignerId}/callback_handler`;
    expect((await control(t.sim, 'PUT', unknown, { url: 'https://moved.example.com/cb' })).status).toBe(404);
    await control(t.sim, 'POST', '/_sim/reset');
  });
});
