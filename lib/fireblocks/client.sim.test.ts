import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startSimulatedFireblocks } from '@/testing/upstream/simulated-fireblocks';
import { seedSummary, type Simulator } from '@/sim/index';

import { rsaTestKey } from '@/testing/fixtures/keys';
import { createFireblocksClient, type FireblocksClient } from './client';
import { FireblocksError, toAppError } from './fireblocks-error';
import { TERMINAL_REQUEST_STATUSES, type RequestStatusResponse } from './upstream-schemas';

/** Our client against the real simulator over HTTP: every call signed, verified and answered as Fireblocks would. */
const API_KEY = 'c0ffee00-1234-4abc-8def-000000000001';
const seed = seedSummary();
const handlerKey = rsaTestKey(3072).publicPem;

let sim: Simulator;
let client: FireblocksClient;

beforeAll(async () => {
  ({ sim, client } = await startSimulatedFireblocks(API_KEY, { approveMs: 50, completeMs: 50 }));
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.clearFaults();
  sim.clearLog();
});

async function pollUntilDone(
  cosignerId: string,
  apiKeyId: string,
  requestId: string,
): Promise<RequestStatusResponse[]> {
  const seen: RequestStatusResponse[] = [];
  for (let i = 0; i < 100; i++) {
    const { data } = await client.getRequestStatus(cosignerId, apiKeyId, requestId);
    seen.push(data);
    if (TERMINAL_REQUEST_STATUSES.has(data.status)) return seen;
    await sleep(25);
  }
  throw new Error(`request ${requestId} never ended: ${JSON.stringify(seen.at(-1))}`);
}

describe('our client against the simulator', () => {
  it('lists every cosigner, following the cursor', async () => {
    const ids: string[] = [];
    let pageCursor: string | undefined;
    do {
      const { data, fireblocksRequestId } = await client.listCosigners({ pageSize: 2, order: 'ASC', pageCursor });
      expect(fireblocksRequestId).toBeTruthy();
      ids.push(...data.data.map((c) => c.id));
      pageCursor = data.next ?? undefined;
    } while (pageCursor);
    expect(ids).toEqual(seed.cosignerIds);
    expect(sim.requestLog().every((e) => e.status === 200)).toBe(true);
  });

  it('gets one cosigner and pages through its 250 API keys', async () => {
    const { data } = await client.getCosigner(seed.bigCosignerId);
    expect(data.id).toBe(seed.bigCosignerId);
    const keys = new Set<string>();
    let pageCursor: string | undefined;
    do {
      const page = await client.listApiKeys(seed.bigCosignerId, { pageSize: 100, pageCursor });
      page.data.data.forEach((k) => keys.add(k.id));
      pageCursor = page.data.next ?? undefined;
    } while (pageCursor);
    expect(keys.size).toBe(250);
  });

  it('reads keys with each kind of handler', async () => {
    const pk = await client.getApiKey(seed.keyWithPublicKey.cosignerId, seed.keyWithPublicKey.apiKeyId);
    expect(pk.data.callbackHandler?.publicKey).toContain('BEGIN PUBLIC KEY');
    const cert = await client.getApiKey(seed.keyWithCert.cosignerId, seed.keyWithCert.apiKeyId);
    expect(cert.data.callbackHandler?.certPublicKeyHash).toBeTruthy();
    const none = await client.getApiKey(seed.keyWithNoHandler.cosignerId, seed.keyWithNoHandler.apiKeyId);
    expect(none.data.callbackHandler).toBeUndefined();
  });

  it('updates a callback handler: PATCH -> 202 -> poll to COMPLETED -> the key shows the new handler', async () => {
    const { cosignerId, apiKeyId } = seed.keyWithNoHandler;
    const body = { callbackHandler: { url: 'https://callbacks.example.com/fireblocks', publicKey: handlerKey } };
    const patched = await client.updateCallbackHandler(cosignerId, apiKeyId, body);
    expect(patched.requestId).toBeTruthy();
    expect(patched.fireblocksRequestId).toBeTruthy();
    expect(patched.data.id).toBe(apiKeyId);
    const states = await pollUntilDone(cosignerId, apiKeyId, patched.requestId);
    expect(states.at(-1)).toEqual({ status: 'COMPLETED', type: 'UPDATE_CALLBACK_HANDLER' });
    const after = await client.getApiKey(cosignerId, apiKeyId);
    expect(after.data.callbackHandler).toMatchObject({ url: body.callbackHandler.url, publicKey: handlerKey });
  });

  it('follows a request that ends REJECTED', async () => {
    const { cosignerId, apiKeyId } = seed.keyWithPublicKey;
    const patched = await client.updateCallbackHandler(cosignerId, apiKeyId, {
      callbackHandler: { url: 'https://other.example.com', publicKey: handlerKey },
    });
    const res = await fetch(`${sim.url}/_sim/requests/${patched.requestId}/reject`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect((await pollUntilDone(cosignerId, apiKeyId, patched.requestId)).at(-1)?.status).toBe('REJECTED');
  });
});

describe('failures from the simulator are typed', () => {
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: unknown) => e as FireblocksError,
    );

  it('reads the API users (a key id among them) and pages the audit log through its cursor', async () => {
    const { data: users, fireblocksRequestId } = await client.listApiUsers();
    expect(fireblocksRequestId).toBeTruthy();
    expect(users.users.find((u) => u.id === seed.keyWithPublicKey.apiKeyId)).toMatchObject({
      name: 'Treasury payout bot',
      role: 'SIGNER',
      enabled: true,
      status: 'READY',
    });
    expect(users.users.some((u) => u.id === seed.keyWithoutApiUser.apiKeyId)).toBe(false);
    const entries = [];
    let cursor: string | undefined;
    let total: number | undefined;
    do {
      const { data } = await client.getAuditLogs({ timePeriod: 'WEEK', cursor });
      entries.push(...data.data);
      total = data.total;
      cursor = data.cursor ?? undefined;
    } while (cursor);
    expect(entries.length).toBe(total);
    expect(entries.length).toBeGreaterThan(0);
    const paths = sim.requestLog().map((e) => e.path.split('?')[0]);
    expect(paths[0]).toBe('/v1/management/api_users');
    expect(paths.slice(1).every((p) => p === '/v1/management/audit_logs')).toBe(true);
  });

  it('a 403 on the API users read is a FireblocksError with status 403, not retried', async () => {
    sim.setForbidden({ apiUsers: true });
    try {
      const error = await client.listApiUsers().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FireblocksError);
      expect(error).toMatchObject({ kind: 'http', status: 403, attempts: 1 });
      expect(sim.requestLog()).toHaveLength(1);
    } finally {
      sim.setForbidden({});
    }
  });

  it('404 with code, message and X-Request-ID', async () => {
    const e = await failure(client.getCosigner('00000000-0000-4000-8000-000000000000'));
    expect(e).toBeInstanceOf(FireblocksError);
    expect(e).toMatchObject({ kind: 'http', status: 404 });
    expect(e.fireblocksRequestId).toBe(sim.requestLog().at(-1)?.requestId);
    expect(toAppError(e).status).toBe(404);
  });

  it('a key the simulator does not know is refused with 401 and becomes a 502 for the browser', async () => {
    const stranger = createFireblocksClient({
      baseUrl: sim.baseUrl,
      apiKey: API_KEY,
      privateKey: rsaTestKey(3072).privateKey,
    });
    const e = await failure(stranger.listCosigners());
    expect(e).toMatchObject({ status: 401, code: -1 });
    expect(toAppError(e)).toMatchObject({ status: 502, message: "Fireblocks refused the console's credentials" });
  });

  it('a read survives one injected 503 (retried), a PATCH does not (never retried)', async () => {
    sim.setFaults({ status: 503, times: 1 });
    await client.listCosigners();
    expect(sim.requestLog().map((e) => e.status)).toEqual([503, 200]);
    sim.clearLog();
    sim.setFaults({ status: 503, times: 1 });
    const { cosignerId, apiKeyId } = seed.keyWithCert;
    const e = await failure(
      client.updateCallbackHandler(cosignerId, apiKeyId, {
        callbackHandler: { url: 'https://x.example.com', publicKey: handlerKey },
      }),
    );
    expect(e.status).toBe(503);
    expect(sim.requestLog().map((l) => l.method)).toEqual(['PATCH']);
  });

  it('a PATCH with sendAfter is sent only once that resolves, and never when it rejects', async () => {
    const { cosignerId, apiKeyId } = seed.keyWithPublicKey;
    const body = { callbackHandler: { url: 'https://after.example.com/handler', publicKey: handlerKey } };
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const patched = client.updateCallbackHandler(cosignerId, apiKeyId, body, { sendAfter: committed });
    // Long enough to sign and send, were it not held.
    await sleep(300);
    expect(sim.requestLog()).toEqual([]);
    commit();
    expect((await patched).requestId).toBeTruthy();
    expect(sim.requestLog().map((e) => [e.method, e.status])).toEqual([['PATCH', 202]]);

    sim.clearLog();
    const refused = new Error('the change could not be recorded');
    const never = client.updateCallbackHandler(cosignerId, apiKeyId, body, { sendAfter: Promise.reject(refused) });
    await expect(never).rejects.toBe(refused);
    await sleep(300);
    expect(sim.requestLog()).toEqual([]);
  });

  it('an injected 429 is waited out per Retry-After, a dropped connection is retried, malformed JSON is reported', async () => {
    sim.setFaults({ status: 429, retryAfterSec: 1, times: 1 });
    await client.getCosigner(seed.bigCosignerId);
    expect(sim.requestLog().map((e) => e.status)).toEqual([429, 200]);
    sim.setFaults({ drop: true, times: 1 });
    await client.getCosigner(seed.bigCosignerId);
    sim.setFaults({ malformedJson: true, times: 1 });
    expect(await failure(client.getCosigner(seed.bigCosignerId))).toMatchObject({ kind: 'invalid_response' });
  });
});
