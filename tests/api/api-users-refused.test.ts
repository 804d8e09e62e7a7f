import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { GetApiKeyResponse, ListApiKeysResponse, ListApiUsersResponse } from '@/lib/cosigners/console-api-schemas';
import type { SearchResponse } from '@/lib/search/search-api-schemas';
import type { SeedSummary } from '@/sim/index';

import { callApi, type ApiAnswer } from '../../testing/app/api-client';
import { ALICE, sessionCookies, VERA, type TestUser } from '../../testing/app/session-cookie';
import { startTestApp, type TestApp } from '../../testing/app/start-app';
import { GOOD_URL, loadPems } from '../../testing/app/bad-input-cases';

// Fireblocks refuses the API users read (403: the console's API user lacks the Admin or Non-Signing Admin role): on a
// server and simulator of its own, the simulator told to refuse before the app ever asks. Names are missing, every
// page and route still answers, and the answers holding keys say once why names are missing.
let app: TestApp;
let seed: SeedSummary;
const cookieFor = sessionCookies(() => app);
const get = async (path: string, user: TestUser = VERA, html = false): Promise<ApiAnswer> =>
  callApi(app.appUrl, 'GET', path, {
    cookie: await cookieFor(user),
    ...(html ? { headers: { accept: 'text/html' } } : {}),
  });
const sim = (method: string, path: string, body?: unknown) =>
  fetch(`${app.simUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const namesReads = async () =>
  ((await (await sim('GET', '/_sim/log')).json()) as Array<{ path: string }>).filter(
    (e) => e.path === '/v1/management/api_users',
  );

beforeAll(async () => {
  // Its own server: the names cache of a shared one would hold the names read before the refusal.
  app = await startTestApp({ port: Number(process.env.API_USERS_REFUSED_PORT ?? 4315), env: {} });
  expect((await sim('PUT', '/_sim/forbidden', { apiUsers: true, auditLogs: true })).status).toBe(200);
  seed = (await (await sim('GET', '/_sim/seed')).json()) as SeedSummary;
}, 600_000);
afterAll(() => app?.close());

const FORBIDDEN = {
  available: false,
  reason: 'forbidden',
  message: expect.stringMatching(/HTTP 403.*Admin or Non-Signing Admin/) as unknown,
  fireblocksRequestId: expect.any(String) as unknown,
};

describe('a 403 on the API users read costs the names only', () => {
  it('a key list page answers with every key, no names, and says once why', async () => {
    const res = await get(`/api/cosigners/${seed.bigCosignerId}/api-keys?pageSize=100`);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const page = res.json as ListApiKeysResponse;
    expect(page.data).toHaveLength(100);
    expect(page.data.every((k) => k.apiUser === null)).toBe(true);
    expect(page.apiUsers).toEqual(FORBIDDEN);
    // Said once for the page, not on each key.
    expect(res.text.match(/Non-Signing Admin/g)).toHaveLength(1);
  });

  it('one key answers with its handler, no name, and the reason', async () => {
    const { cosignerId, apiKeyId } = seed.keyWithPublicKey;
    const res = await get(`/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`);
    expect(res.status).toBe(200);
    const one = res.json as GetApiKeyResponse;
    expect(one.data).toMatchObject({ id: apiKeyId, apiUser: null });
    expect(one.data.callbackHandler?.publicKey).toContain('BEGIN PUBLIC KEY');
    expect(one.apiUsers).toEqual(FORBIDDEN);
  });

  it('search still finds keys by URL host (not by name), and says why names are missing', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('payout bot')}`);
    expect(res.status).toBe(200);
    expect((res.json as SearchResponse).keys).toEqual([]);
    expect((res.json as SearchResponse).apiUsers).toEqual(FORBIDDEN);
    const byHost = (await get('/api/search?q=vault-frankfurt')).json as SearchResponse;
    expect(byHost.keys.map((k) => [k.apiKeyId, k.match, k.apiUser])).toEqual([
      [seed.keyOnPage3.apiKeyId, 'host', null],
    ]);
  });

  it('GET /api/api-users answers an empty list and the reason', async () => {
    const res = await get('/api/api-users');
    expect(res.status).toBe(200);
    expect(res.json as ListApiUsersResponse).toEqual({ data: [], apiUsers: FORBIDDEN });
  });

  it('every other route and every page answers as usual', async () => {
    const { cosignerId, apiKeyId } = seed.keyWithPublicKey;
    for (const path of [
      '/api/cosigners',
      `/api/cosigners/${cosignerId}`,
      '/api/findings',
      '/api/changes',
      '/api/audit',
      '/api/me',
    ]) {
      const res = await get(path);
      expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBe(200);
    }
    for (const path of [
      '/cosigners',
      `/cosigners/${cosignerId}`,
      `/cosigners/${cosignerId}/api-keys/${apiKeyId}`,
      `/cosigners/${cosignerId}/api-keys/${apiKeyId}/edit`,
      '/search?q=payout',
      '/findings',
      '/changes',
      '/audit',
    ]) {
      const res = await get(path, ALICE, true);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/);
    }
  });

  it('an admin can still propose a change to a key', async () => {
    const pems = await loadPems();
    const { cosignerId, apiKeyId } = seed.keyWithCert;
    const res = await callApi(app.appUrl, 'PATCH', `/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`, {
      cookie: await cookieFor(ALICE),
      body: JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: pems.cert }, reason: 'names refused' }),
    });
    expect(res.status, res.text).toBe(201);
  });

  it('the refusal is kept, not asked again on every page: at most one read for ten pages', async () => {
    const before = (await namesReads()).length;
    await Promise.all(
      Array.from({ length: 10 }, () => get(`/api/cosigners/${seed.bigCosignerId}/api-keys?pageSize=10`)),
    );
    expect((await namesReads()).length - before).toBeLessThanOrEqual(1);
  });
});
