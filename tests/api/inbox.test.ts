import { beforeAll, describe, expect, it } from 'vitest';

import type { ProposeChangeResponse } from '@/lib/changes/change-api-schemas';

import { callApi } from '../../testing/app/api-client';
import { appForFile } from '../../testing/app/file-app';
import { ALICE, NORA, VERA, type TestUser } from '../../testing/app/session-cookie';
import { GOOD_URL, loadPems, type Pems } from '../../testing/app/bad-input-cases';

// The inbox through the real production server, simulator and database: GET /api/inbox/count and /api/inbox, and
// POST /api/inbox/seen. A server of its own, so no other suite's changes change the counts.
const BOB: TestUser = { ...ALICE, sub: 'bob', name: 'Bob Admin', email: 'bob@example.com' };
const CAROL: TestUser = { ...ALICE, sub: 'carol', name: 'Carol Admin', email: 'carol@example.com' };
const t = appForFile(() => ({ port: Number(process.env.INBOX_TEST_PORT ?? 4307), env: { CHANGE_APPROVALS: '1' } }));
let pems: Pems;
let cosignerId: string;
let keys: string[];

beforeAll(async () => {
  pems = await loadPems();
  cosignerId = t.seed.bigCosignerId;
  const list = await callApi(t.app.appUrl, 'GET', `/api/cosigners/${cosignerId}/api-keys?pageSize=10&order=ASC`, {
    cookie: await t.cookieFor(ALICE),
  });
  keys = (list.json as { data: Array<{ id: string }> }).data.map((k) => k.id);
}, 600_000);

async function propose(user: TestUser, apiKeyId: string): Promise<string> {
  const res = await callApi(t.app.appUrl, 'PATCH', `/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`, {
    cookie: await t.cookieFor(user),
    body: JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: pems.cert } }),
  });
  expect(res.status, res.text).toBe(201);
  return (res.json as ProposeChangeResponse).change.id;
}

async function post(user: TestUser, path: string, body: unknown) {
  const res = await callApi(t.app.appUrl, 'POST', path, {
    cookie: await t.cookieFor(user),
    body: JSON.stringify(body),
  });
  expect(res.status, res.text).toBe(200);
}

async function countsFor(user: TestUser): Promise<{ count: number; awaitingApproval: number; moved: number }> {
  const res = await callApi(t.app.appUrl, 'GET', '/api/inbox/count', { cookie: await t.cookieFor(user) });
  expect(res.status, res.text).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
  return res.json as { count: number; awaitingApproval: number; moved: number };
}
const countFor = async (user: TestUser) => (await countsFor(user)).awaitingApproval;

describe('the inbox', () => {
  it('counts the changes awaiting approval proposed by someone else; 0 for a viewer; a decision takes one off', async () => {
    expect(await countFor(BOB)).toBe(0);
    const [first, second] = [await propose(ALICE, keys[0] ?? ''), await propose(ALICE, keys[1] ?? '')];
    await propose(BOB, keys[2] ?? '');

    expect(await countFor(BOB)).toBe(2);
    expect(await countFor(ALICE)).toBe(1);
    expect(await countFor(CAROL)).toBe(3);
    expect(await countFor(VERA)).toBe(0);

    await post(BOB, `/api/changes/${first}/decline`, { reason: 'Wrong host' });
    expect(await countFor(BOB)).toBe(1);
    await post(ALICE, `/api/changes/${second}/withdraw`, {});
    expect(await countFor(BOB)).toBe(0);
    expect(await countFor(CAROL)).toBe(1);
  });

  it('lists the proposer’s declined change in the webhook’s words until a POST marks it seen; a GET marks nothing', async () => {
    const declined = await propose(ALICE, keys[3] ?? '');
    await post(BOB, `/api/changes/${declined}/decline`, { reason: 'Not now' });
    const read = async () => {
      const res = await callApi(t.app.appUrl, 'GET', '/api/inbox', { cookie: await t.cookieFor(ALICE) });
      expect(res.status, res.text).toBe(200);
      return res.json as { moved: Array<{ changeId: string; text: string }>; seenAt: string | null };
    };
    const first = await read();
    const item = first.moved.find((m) => m.changeId === declined);
    expect(item?.text).toMatch(
      new RegExp(`^Bob Admin declined Alice Admin's change to key …${(keys[3] ?? '').slice(-6)} on .+: declined$`),
    );
    expect((await read()).moved.map((m) => m.changeId)).toContain(declined);
    expect((await countsFor(ALICE)).moved).toBeGreaterThanOrEqual(1);

    // Marking seen is a same-origin JSON POST, like every write.
    const cookie = await t.cookieFor(ALICE);
    const crossSite = await callApi(t.app.appUrl, 'POST', '/api/inbox/seen', {
      cookie,
      body: '{}',
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const bad = await callApi(t.app.appUrl, 'POST', '/api/inbox/seen', { cookie, body: '{"through":"yesterday"}' });
    expect(bad.status).toBe(400);
    const seen = await callApi(t.app.appUrl, 'POST', '/api/inbox/seen', { cookie, body: '{}' });
    expect(seen.status, seen.text).toBe(200);
    expect((await read()).moved).toEqual([]);
    expect((await countsFor(ALICE)).moved).toBe(0);
  });

  it('refuses a user without a role (403) and a request without a session (401)', async () => {
    for (const path of ['/api/inbox', '/api/inbox/count']) {
      const nora = await callApi(t.app.appUrl, 'GET', path, { cookie: await t.cookieFor(NORA) });
      expect(nora.status).toBe(403);
      expect((await callApi(t.app.appUrl, 'GET', path)).status).toBe(401);
    }
    expect((await callApi(t.app.appUrl, 'POST', '/api/inbox/seen', { body: '{}' })).status).toBe(401);
  });
});
