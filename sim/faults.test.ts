import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';

import { SIM } from './http/error-codes';
import { expectError, expectValid } from '../testing/sim/expect-valid';
import { control, startTestSim, type TestSim } from '../testing/sim/test-sim';

let t: TestSim;
const LIST = '/v1/cosigners?pageSize=1';

beforeAll(async () => {
  t = await startTestSim();
});
afterEach(() => t.sim.clearFaults());
afterAll(() => t.sim.close());

describe('fault injection', () => {
  it('latency: the answer is held back (a short client timeout fires), then served', async () => {
    t.sim.setFaults({ latencyMs: 1_500, times: 1 });
    await expect(t.call({ path: LIST, signal: AbortSignal.timeout(100) })).rejects.toThrow(/timeout|abort/i);
    // Held back, not refused: a patient client gets the normal answer.
    t.sim.setFaults({ latencyMs: 150, times: 1 });
    expectValid('GET', LIST, await t.call({ path: LIST }), 200);
  });

  it.each([500, 502, 503])('status %i with a Fireblocks error body, for `times` requests', async (status) => {
    t.sim.setFaults({ status, times: 2 });
    expectError('GET', LIST, await t.call({ path: LIST }), status, SIM.injectedFault);
    expectError('GET', LIST, await t.call({ path: LIST }), status, SIM.injectedFault);
    expectValid('GET', LIST, await t.call({ path: LIST }), 200);
  });

  it('429 carries Retry-After (given, or 1 s by default)', async () => {
    t.sim.setFaults({ status: 429, retryAfterSec: 7, times: 1 });
    const res = await t.call({ path: LIST });
    expectError('GET', LIST, res, 429, SIM.rateLimited);
    expect(res.headers.get('retry-after')).toBe('7');
    t.sim.setFaults({ status: 429, times: 1 });
    expect((await t.call({ path: LIST })).headers.get('retry-after')).toBe('1');
    t.sim.setFaults({ status: 503, retryAfterSec: 2, times: 1 });
    expect((await t.call({ path: LIST })).headers.get('retry-after')).toBe('2');
  });

  it('drop: the connection is destroyed without an answer, and logged as status 0', async () => {
    t.sim.clearLog();
    t.sim.setFaults({ drop: true, times: 1 });
    await expect(t.call({ path: LIST })).rejects.toThrow();
    expect(t.sim.requestLog()[0]).toMatchObject({ path: LIST, status: 0 });
    expectValid('GET', LIST, await t.call({ path: LIST }), 200);
  });

  it('dropAfterHandling: the request is handled (a PATCH accepted and followed), then the socket is destroyed unanswered', async () => {
    const cosigners = (await t.call({ path: '/v1/cosigners?pageSize=100' })).json as {
      data: Array<{ id: string; archived: boolean }>;
    };
    const cosignerId = cosigners.data.find((c) => !c.archived)?.id ?? '';
    const keys = (await t.call({ path: `/v1/cosigners/${cosignerId}/api_keys?pageSize=1` })).json as {
      data: Array<{ id: string }>;
    };
    const keyPath = `/v1/cosigners/${cosignerId}/api_keys/${keys.data[0]?.id ?? ''}`;
    const body = {
      callbackHandler: {
        url: 'https://dropped.example.com/cb',
        publicKey: rsaKeyPair(2048, 'drop-after').publicKeyPem,
      },
    };
    t.sim.clearLog();
    t.sim.setFaults({ dropAfterHandling: true, times: 1, match: { method: 'PATCH' } });
    await expect(t.call({ method: 'PATCH', path: keyPath, body })).rejects.toThrow();
    expect(t.sim.requestLog()).toEqual([
      expect.objectContaining({ method: 'PATCH', path: keyPath, status: 0, handledStatus: 202 }),
    ]);
    // The change was accepted all the same: its request exists and completes, and the key then shows the new handler.
    const requests = (await control(t.sim, 'GET', '/_sim/requests')).json as Array<{
      id: string;
      apiKeyId: string;
      status: string;
    }>;
    const request = requests.find((r) => keyPath.endsWith(r.apiKeyId) && r.status !== 'COMPLETED');
    expect(request).toBeDefined();
    expect((await control(t.sim, 'POST', `/_sim/requests/${request?.id ?? ''}/complete`)).status).toBe(200);
    const key = (await t.call({ path: keyPath })).json as { callbackHandler: { url: string } };
    expect(key.callbackHandler.url).toBe('https://dropped.example.com/cb');
  });

  it('malformedJson: a 200 whose JSON body does not parse', async () => {
    t.sim.setFaults({ malformedJson: true, times: 1 });
    const res = await t.call({ path: LIST });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(() => JSON.parse(res.text) as unknown).toThrow();
  });

  it('match limits a fault to a method and path prefix', async () => {
    t.sim.setFaults({ status: 503, match: { method: 'PATCH', pathPrefix: '/v1/cosigners/' } });
    expectValid('GET', LIST, await t.call({ path: LIST }), 200);
    const path = '/v1/cosigners/00000000-0000-4000-8000-000000000000';
    expectError('PATCH', path, await t.call({ method: 'PATCH', path, body: { name: 'x' } }), 503, SIM.injectedFault);
    t.sim.setFaults({ status: 500, match: { pathPrefix: '/v1/cosigners/' } });
    expectValid('GET', LIST, await t.call({ path: LIST }), 200);
  });

  it('faults never touch the control routes', async () => {
    t.sim.setFaults({ status: 500 });
    expect((await control(t.sim, 'GET', '/_sim/health')).status).toBe(200);
  });

  it('the same faults are set, read and cleared over HTTP', async () => {
    const set = await control(t.sim, 'POST', '/_sim/faults', { status: 502, times: 1 });
    expect(set.json).toEqual({ active: { config: { status: 502, times: 1 }, remaining: 1 } });
    expect((await t.call({ path: LIST })).status).toBe(502);
    expect((await control(t.sim, 'GET', '/_sim/faults')).json).toEqual({ active: null });
    await control(t.sim, 'POST', '/_sim/faults', { status: 500 });
    expect((await control(t.sim, 'DELETE', '/_sim/faults')).status).toBe(204);
    expectValid('GET', LIST, await t.call({ path: LIST }), 200);
  });

  it('an invalid fault config is 400 and changes nothing', async () => {
    for (const body of [{ status: 200 }, { latencyMs: -1 }, { drop: 'yes' }, { explode: true }]) {
      const res = await control(t.sim, 'POST', '/_sim/faults', body);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: SIM.invalidBody });
    }
    expect((await control(t.sim, 'GET', '/_sim/faults')).json).toEqual({ active: null });
  });
});
