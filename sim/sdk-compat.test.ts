import { randomUUID } from 'node:crypto';

import { Fireblocks, type FireblocksResponse } from '@fireblocks/ts-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rsa2048PublicKeyPem, validCertPem } from '../testing/fixtures/pem-fixtures';
import { seedSummary } from './seed';
import { responseProblems } from '../testing/sim/openapi';
import { startTestSim, type TestSim } from '../testing/sim/test-sim';

// The official SDK signs exactly as Fireblocks expects; the simulator must accept all of its calls.
let t: TestSim;
let fb: Fireblocks;
const s = seedSummary(1);
const ref = s.keyWithPublicKey;

beforeAll(async () => {
  t = await startTestSim({ seed: 1, delays: { approveMs: 0, completeMs: 0 } });
  fb = new Fireblocks({ apiKey: t.userA.apiKey, secretKey: t.userA.privateKey, basePath: t.sim.baseUrl });
});
afterAll(() => t.sim.close());

/** The SDK's answer was accepted (2xx) and its body validates against the OpenAPI subset. */
function accepted<T>(res: FireblocksResponse<T>, method: string, path: string): T {
  expect(res.statusCode).toBeLessThan(300);
  const headers = res.headers;
  expect(responseProblems(method, path, { status: res.statusCode, headers, text: JSON.stringify(res.data) })).toEqual(
    [],
  );
  return res.data;
}

describe('@fireblocks/ts-sdk against the simulator', () => {
  it('getCosigners (with paging through a cursor)', async () => {
    const first = accepted(await fb.cosignersBeta.getCosigners({ pageSize: 3, order: 'ASC' }), 'GET', '/v1/cosigners');
    expect(first.data).toHaveLength(3);
    const rest = accepted(
      await fb.cosignersBeta.getCosigners({ pageSize: 100, order: 'ASC', pageCursor: first.next ?? undefined }),
      'GET',
      '/v1/cosigners',
    );
    expect([...first.data, ...rest.data].map((c) => c.id)).toEqual(s.cosignerIds);
  });

  it('getCosigner', async () => {
    const c = accepted(
      await fb.cosignersBeta.getCosigner({ cosignerId: s.bigCosignerId }),
      'GET',
      `/v1/cosigners/${s.bigCosignerId}`,
    );
    expect(c.name).toBe('Treasury SGX');
  });

  it('getApiKeys and getApiKey', async () => {
    const page = accepted(
      await fb.cosignersBeta.getApiKeys({ cosignerId: s.bigCosignerId, pageSize: 100 }),
      'GET',
      `/v1/cosigners/${s.bigCosignerId}/api_keys`,
    );
    expect(page.data).toHaveLength(100);
    const key = accepted(
      await fb.cosignersBeta.getApiKey({ cosignerId: ref.cosignerId, apiKeyId: ref.apiKeyId }),
      'GET',
      `/v1/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}`,
    );
    expect(key.callbackHandler?.publicKey).toContain('BEGIN PUBLIC KEY');
  });

  it('updateCallbackHandler (202 + Location) then getRequestStatus', async () => {
    const path = `/v1/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}`;
    const callbackHandler = { url: 'https://sdk.example.com/cb', cert: await validCertPem() };
    const res = await fb.cosignersBeta.updateCallbackHandler({
      cosignerId: ref.cosignerId,
      apiKeyId: ref.apiKeyId,
      updateCallbackHandlerRequest: { callbackHandler },
    });
    expect(res.statusCode).toBe(202);
    expect(accepted(res, 'PATCH', path)).toEqual({ id: ref.apiKeyId, callbackHandler });
    const location = res.headers.location ?? '';
    const requestId = location.split('/').at(-1) ?? '';
    const st = accepted(
      await fb.cosignersBeta.getRequestStatus({ cosignerId: ref.cosignerId, apiKeyId: ref.apiKeyId, requestId }),
      'GET',
      location,
    );
    expect(st).toEqual({ type: 'UPDATE_CALLBACK_HANDLER', status: 'COMPLETED' });
  });

  it('the other four operations too: renameCosigner, addCosigner, pairApiKey, unpairApiKey', async () => {
    const c = s.cosignerIds[3] ?? '';
    expect(
      accepted(
        await fb.cosignersBeta.renameCosigner({ cosignerId: c, renameCosigner: { name: 'Renamed by SDK' } }),
        'PATCH',
        `/v1/cosigners/${c}`,
      ).name,
    ).toBe('Renamed by SDK');
    const added = await fb.cosignersBeta.addCosigner({
      addCosignerRequest: { apiKeyId: randomUUID(), name: 'SDK cosigner' },
      idempotencyKey: 'sdk-1',
    });
    expect(accepted(added, 'POST', '/v1/cosigners').name).toBe('SDK cosigner');
    const id = randomUUID();
    const pairPath = `/v1/cosigners/${c}/api_keys/${id}`;
    const pair = await fb.cosignersBeta.pairApiKey({
      cosignerId: c,
      apiKeyId: id,
      pairApiKeyRequest: { callbackHandler: { url: 'https://p.example.com', publicKey: rsa2048PublicKeyPem() } },
    });
    expect(accepted(pair, 'PUT', pairPath).id).toBe(id);
    const unpair = await fb.cosignersBeta.unpairApiKey({ cosignerId: c, apiKeyId: id });
    expect(accepted(unpair, 'DELETE', pairPath).id).toBe(id);
  });

  it('apiUser.getApiUsers: the API users of the workspace, the key ids among them', async () => {
    const res = accepted(await fb.apiUser.getApiUsers(), 'GET', '/v1/management/api_users');
    const ids = new Set(res.users.map((u) => u.id));
    expect(ids.has(ref.apiKeyId)).toBe(true);
    expect(ids.has(s.keyWithoutApiUser.apiKeyId)).toBe(false);
    expect(res.users.find((u) => u.id === ref.apiKeyId)).toMatchObject({ role: 'SIGNER', userType: 'API' });
  });

  it('auditLogs.getAuditLogs: a week of entries, paged through the cursor, with the PATCH made above', async () => {
    const first = accepted(
      await fb.auditLogs.getAuditLogs({ timePeriod: 'WEEK' }),
      'GET',
      '/v1/management/audit_logs?timePeriod=WEEK',
    );
    const entries = [...(first.data ?? [])];
    let cursor = first.cursor;
    while (cursor) {
      const next = accepted(
        await fb.auditLogs.getAuditLogs({ timePeriod: 'WEEK', cursor }),
        'GET',
        '/v1/management/audit_logs',
      );
      entries.push(...(next.data ?? []));
      cursor = next.cursor;
    }
    expect(entries).toHaveLength(first.total ?? -1);
    expect(entries.some((e) => e.userId === t.userA.apiKey && e.subject?.includes(ref.apiKeyId))).toBe(true);
  });

  it('each SDK request passed verification (no 401 in the log)', () => {
    const log = t.sim.requestLog();
    expect(log.length).toBeGreaterThanOrEqual(13);
    expect(log.filter((e) => e.status === 401)).toEqual([]);
  });

  it('a rejected SDK call surfaces the Fireblocks code and X-Request-ID', async () => {
    const bad = new Fireblocks({ apiKey: randomUUID(), secretKey: t.userA.privateKey, basePath: t.sim.baseUrl });
    const err = await bad.cosignersBeta.getCosigners({}).then(
      () => null,
      (e: unknown) => e as { response?: FireblocksResponse<{ code?: number }> },
    );
    expect(err?.response?.statusCode).toBe(401);
    expect(err?.response?.data.code).toBe(-7);
    expect((err?.response?.headers as Record<string, string>)['x-request-id']).toBeTruthy();
  });
});
