import { beforeAll, describe, expect, it } from 'vitest';

import type { GetApiKeyResponse, ListApiKeysResponse, ListApiUsersResponse } from '@/lib/cosigners/console-api-schemas';
import type { SearchResponse } from '@/lib/search/search-api-schemas';
import { buildSeed, seedApiUsers, type SimApiUser } from '@/sim/index';

import { callApi, type ApiAnswer } from '../../testing/app/api-client';
import { appForFile } from '../../testing/app/file-app';
import { NORA, VERA, type TestUser } from '../../testing/app/session-cookie';
import { newEntries, simLog } from '../../testing/app/sim-log';

// API users by name through the production server and the real simulator: every key of the console's API carries its
// API user, search finds keys by name, and the names cost one upstream read per page or walk, not one per key.
const t = appForFile(() => ({ port: Number(process.env.API_USERS_PORT ?? 4314) }));

// A viewer of this file's own: the read budget is per person, and other files on the shared stack spend vera's.
const VIEWER: TestUser = { ...VERA, sub: 'api-users-viewer' };
const get = async (path: string, user: TestUser = VIEWER): Promise<ApiAnswer> =>
  callApi(t.app.appUrl, 'GET', path, { cookie: await t.cookieFor(user) });
async function getJson<T>(path: string): Promise<T> {
  const res = await get(path);
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  return res.json as T;
}
/** The simulator's seed: its users and keys are deterministic in it. */
let seed = 1;
beforeAll(async () => {
  seed = ((await (await fetch(`${t.app.simUrl}/_sim/health`)).json()) as { seed: number }).seed;
});
const seededUsers = () => new Map(seedApiUsers(seed, buildSeed(seed)).map((u) => [u.id, u]));
const asApiUser = (u: SimApiUser | undefined) =>
  u ? { name: u.name, role: u.role, status: u.status, enabled: u.enabled } : null;
const isNamesRead = (e: { method: string; path: string }) =>
  e.method === 'GET' && e.path === '/v1/management/api_users';

describe('API users by name', () => {
  it('every key of a list page names its API user (null for a key without one), and the page says names are there', async () => {
    const users = seededUsers();
    const page = await getJson<ListApiKeysResponse>(
      `/api/cosigners/${t.seed.bigCosignerId}/api-keys?pageSize=100&order=ASC`,
    );
    expect(page.apiUsers).toEqual({ available: true });
    expect(page.data).toHaveLength(100);
    for (const key of page.data) expect(key.apiUser, key.id).toEqual(asApiUser(users.get(key.id)));
    expect(page.data[0]).toMatchObject({
      id: t.seed.keyWithPublicKey.apiKeyId,
      apiUser: { name: 'Treasury payout bot', role: 'SIGNER', status: 'READY', enabled: true },
    });
    expect(page.data.some((k) => k.apiUser === null)).toBe(true);
  });

  it('one key names its API user beside its handler; a key without one says null', async () => {
    const { cosignerId, apiKeyId } = t.seed.keyWithPublicKey;
    const one = await getJson<GetApiKeyResponse>(`/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`);
    expect(one.data.apiUser).toEqual({ name: 'Treasury payout bot', role: 'SIGNER', status: 'READY', enabled: true });
    expect(one.data.callbackHandler?.publicKey).toContain('BEGIN PUBLIC KEY');
    expect(one.apiUsers).toEqual({ available: true });
    const none = t.seed.keyWithoutApiUser;
    const unnamed = await getJson<GetApiKeyResponse>(`/api/cosigners/${none.cosignerId}/api-keys/${none.apiKeyId}`);
    expect(unnamed.data.apiUser).toBeNull();
    expect(unnamed.apiUsers).toEqual({ available: true });
  });

  it('GET /api/api-users lists every API user by id, for viewers; not for a user without a role', async () => {
    const list = await getJson<ListApiUsersResponse>('/api/api-users');
    expect(list.apiUsers).toEqual({ available: true });
    const byId = new Map(list.data.map((u) => [u.id, u]));
    for (const [id, u] of seededUsers()) expect(byId.get(id)).toEqual({ id, ...asApiUser(u) });
    expect(byId.has(t.seed.keyWithoutApiUser.apiKeyId)).toBe(false);
    expect((await get('/api/api-users', NORA)).status).toBe(403);
    expect((await callApi(t.app.appUrl, 'GET', '/api/api-users')).status).toBe(401);
  });

  it('search finds keys by API user name, any case, whole or in part, and answers the user', async () => {
    const users = seededUsers();
    // A key on the third page of Treasury SGX (100 a page, newest first) that has an API user.
    const big = buildSeed(seed).find((c) => c.cosigner.id === t.seed.bigCosignerId)?.keys ?? [];
    const target = big.slice(0, 50).find((k) => users.has(k.id));
    const name = users.get(target?.id ?? '')?.name ?? '';
    expect(name).toMatch(/^Treasury /);
    for (const q of [name.toUpperCase(), name.slice(3, -1).toLowerCase()]) {
      const found = await getJson<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`);
      expect(found.apiUsers).toEqual({ available: true });
      const hit = found.keys.find((k) => k.apiKeyId === target?.id);
      expect(hit, q).toMatchObject({ match: 'name', apiUser: asApiUser(users.get(target?.id ?? '')) });
      // Every key found by name holds the text in its name.
      for (const k of found.keys.filter((r) => r.match === 'name'))
        expect(k.apiUser?.name.toLowerCase()).toContain(q.toLowerCase());
    }
  });

  it('20 concurrent list pages read the API users at most once (one read names every key of every page)', async () => {
    const before = await simLog(t.app.simUrl);
    const cosigners = t.seed.cosignerIds;
    const pages = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        getJson<ListApiKeysResponse>(`/api/cosigners/${cosigners[i % cosigners.length]}/api-keys?pageSize=${5 + i}`),
      ),
    );
    expect(pages.every((p) => p.apiUsers.available)).toBe(true);
    const reads = newEntries(before, await simLog(t.app.simUrl)).filter(isNamesRead);
    expect(reads.length).toBeLessThanOrEqual(1);
  });
});
