import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { formatFingerprint } from '@/lib/callback-handler/format';
import type { ListApiKeysResponse } from '@/lib/cosigners/console-api-schemas';
import { KEY_INDEX_MIN_REFRESH_MS } from '@/lib/search/get-key-index';
import type { SearchResponse } from '@/lib/search/search-api-schemas';

import { callApi, type ApiAnswer } from '../../testing/app/api-client';
import { appForFile } from '../../testing/app/file-app';
import { ALICE, NORA, VERA, type TestUser } from '../../testing/app/session-cookie';
import { newEntries, simLog } from '../../testing/app/sim-log';

// GET /api/search against the production server and the real simulator: the walk of every page, the shared cache.
const t = appForFile(() => ({ port: Number(process.env.SEARCH_API_PORT ?? 4305) }));
/** The walk's calls (100 a page, newest first): on a shared stack, other suites' reads are not these. */
const isWalkCall = (e: { method: string; path: string }) =>
  e.method === 'GET' && /[?&]pageSize=100(&|$)/.test(e.path) && /[?&]order=DESC(&|$)/.test(e.path);

const get = async (path: string, user: TestUser = VERA): Promise<ApiAnswer> =>
  callApi(t.app.appUrl, 'GET', path, { cookie: await t.cookieFor(user) });
const search = async (q: string, extra = ''): Promise<SearchResponse> => {
  const res = await get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, res.text).toBe(200);
  return res.json as SearchResponse;
};

/** The cosigner's keys as its list shows them (100 a page, default order), page by page. */
async function pagesOf(cosignerId: string): Promise<ListApiKeysResponse['data'][]> {
  const pages: ListApiKeysResponse['data'][] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const res = await get(
      `/api/cosigners/${cosignerId}/api-keys?pageSize=100${cursor ? `&pageCursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    const page = res.json as ListApiKeysResponse;
    pages.push(page.data);
    cursor = page.next;
  }
  return pages;
}

describe('GET /api/search', () => {
  it('finds a key on page 3 of the 250-key cosigner by a part of its URL host, and by its fingerprint', async () => {
    const pages = await pagesOf(t.seed.bigCosignerId);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    const target = pages[2]?.find((k) => k.id === t.seed.keyOnPage3.apiKeyId);
    const url = target?.callbackHandler?.url ?? '';
    const hash = target?.callbackHandler?.certPublicKeyHash ?? '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const host = new URL(url).host;
    const part = host.slice(2, 14);
    const byHost = await search(part.toUpperCase());
    expect(byHost.keys).toEqual([
      {
        cosignerId: t.seed.bigCosignerId,
        cosignerName: 'Treasury SGX',
        apiKeyId: t.seed.keyOnPage3.apiKeyId,
        url,
        host,
        fingerprint: hash,
        // The same API user the key list names it by.
        apiUser: target?.apiUser,
        match: 'host',
      },
    ]);
    expect(target?.apiUser?.name).toMatch(/^Treasury /);
    expect(byHost.truncated).toBe(false);
    expect(byHost.searched.keys).toBe(Object.values(t.seed.keyCounts).reduce((a, b) => a + b, 0));

    for (const q of [formatFingerprint(hash), hash.toUpperCase(), formatFingerprint(hash).slice(0, 23).toLowerCase()]) {
      const byFingerprint = await search(q);
      expect(byFingerprint.keys.map((k) => [k.apiKeyId, k.match])).toEqual([
        [t.seed.keyOnPage3.apiKeyId, 'fingerprint'],
      ]);
    }
  });

  it('finds a key by a part of its id, and cosigners by name or id', async () => {
    const byId = await search(t.seed.keyOnPage3.apiKeyId.slice(9, 23));
    expect(byId.keys.map((k) => [k.apiKeyId, k.match])).toEqual([[t.seed.keyOnPage3.apiKeyId, 'id']]);
    const byName = await search('treasury sgx');
    expect(byName.cosigners.map((c) => c.name).sort()).toEqual(['Legacy Treasury SGX', 'Treasury SGX']);
    const byCosignerId = await search(t.seed.bigCosignerId.slice(0, 8));
    expect(byCosignerId.cosigners.map((c) => c.id)).toContain(t.seed.bigCosignerId);
  });

  it('caps the keys at 50 and says so', async () => {
    const many = await search('acme-capital.example');
    expect(many.keys).toHaveLength(50);
    expect(many.truncated).toBe(true);
  });

  it('refuses a query shorter than 2 or longer than 200 characters (after trimming) with a field error', async () => {
    for (const q of ['a', '   a   ', 'x'.repeat(201)]) {
      const res = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(400);
      expect((res.json as { error: { fields: Record<string, string> } }).error.fields.q).toBeTruthy();
    }
    expect((await get('/api/search')).status).toBe(400);
    expect((await get(`/api/search?q=${encodeURIComponent('  ab  ')}`)).status).toBe(200);
  });

  it('answers admins and viewers; not a signed-out caller or one without a role', async () => {
    expect((await get('/api/search?q=treasury', ALICE)).status).toBe(200);
    expect((await get('/api/search?q=treasury', NORA)).status).toBe(403);
    expect((await callApi(t.app.appUrl, 'GET', '/api/search?q=treasury')).status).toBe(401);
  });

  it('10 concurrent searches that need a new walk cause one walk of the workspace', async () => {
    // Make the cached walk old enough that `refresh=1` asks for a new one, then ask ten times at once.
    const { asOf } = await search('treasury');
    await sleep(Math.max(0, Date.parse(asOf) + KEY_INDEX_MIN_REFRESH_MS + 200 - Date.now()));
    const before = await simLog(t.app.simUrl);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => search(i % 2 ? 'treasury' : 'payments', '&refresh=1')),
    );
    const upstream = newEntries(before, await simLog(t.app.simUrl)).filter(isWalkCall);
    expect(new Set(answers.map((a) => a.asOf)).size).toBe(1);
    expect(Date.parse(answers[0]?.asOf ?? '')).toBeGreaterThan(Date.parse(asOf));
    expect(upstream.filter((e) => e.path.startsWith('/v1/cosigners?'))).toHaveLength(1);
    expect(upstream.filter((e) => e.path.startsWith(`/v1/cosigners/${t.seed.bigCosignerId}/api_keys?`))).toHaveLength(
      3,
    );
    expect(upstream.filter((e) => /\/api_keys\?/.test(e.path))).toHaveLength(3 + t.seed.cosignerCount - 1);
  });

  it('serves searches from the cached walk: no upstream call within its lifetime', async () => {
    const first = await search('payments');
    const before = await simLog(t.app.simUrl);
    const again = await Promise.all([search('treasury'), search('staking'), search('vault')]);
    expect(newEntries(before, await simLog(t.app.simUrl)).filter(isWalkCall)).toEqual([]);
    expect(again.every((a) => a.asOf === first.asOf)).toBe(true);
  });
});
