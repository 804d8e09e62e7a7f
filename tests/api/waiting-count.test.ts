import { beforeAll, describe, expect, it } from 'vitest';

import type { ProposeChangeResponse } from '@/lib/changes/change-api-schemas';

import { callApi } from '../../testing/app/api-client';
import { appForFile } from '../../testing/app/file-app';
import { ALICE, NORA, VERA, type TestUser } from '../../testing/app/session-cookie';
import { GOOD_URL, loadPems, type Pems } from '../../testing/app/bad-input-cases';

// GET /api/changes/waiting through the real production server, simulator and database: changes awaiting approval
// that someone else proposed. A server of its own, so no other suite's proposals change the counts.
const BOB: TestUser = { ...ALICE, sub: 'bob', name: 'Bob Admin', email: 'bob@example.com' };
const CAROL: TestUser = { ...ALICE, sub: 'carol', name: 'Carol Admin', email: 'carol@example.com' };
const t = appForFile(() => ({ port: Number(process.env.WAITING_TEST_PORT ?? 4307), env: { CHANGE_APPROVALS: '1' } }));
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

async function countFor(user: TestUser): Promise<number> {
  const res = await callApi(t.app.appUrl, 'GET', '/api/changes/waiting', { cookie: await t.cookieFor(user) });
  expect(res.status, res.text).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
  return (res.json as { count: number }).count;
}

describe('GET /api/changes/waiting', () => {
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

  it('refuses a user without a role (403) and a request without a session (401)', async () => {
    const nora = await callApi(t.app.appUrl, 'GET', '/api/changes/waiting', { cookie: await t.cookieFor(NORA) });
    expect(nora.status).toBe(403);
    expect((await callApi(t.app.appUrl, 'GET', '/api/changes/waiting')).status).toBe(401);
  });
});
