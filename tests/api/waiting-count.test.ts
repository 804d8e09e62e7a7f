import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ProposeChangeResponse } from '@/lib/changes/change-api-schemas';
import type { SeedSummary } from '@/sim/index';

import { callApi } from '../helpers/api-client';
import { ALICE, NORA, sessionCookieHeader, VERA, type TestUser } from '../helpers/session-cookie';
import { startTestApp, type TestApp } from '../helpers/start-app';
import { GOOD_URL, loadPems, type Pems } from './bad-input-cases';

// GET /api/changes/waiting through the real production server, simulator and database: changes awaiting approval
// that someone else proposed. A server of its own, so no other suite's proposals change the counts.
const BOB: TestUser = { ...ALICE, sub: 'bob', name: 'Bob Admin', email: 'bob@example.com' };
const CAROL: TestUser = { ...ALICE, sub: 'carol', name: 'Carol Admin', email: 'carol@example.com' };
let app: TestApp;
let pems: Pems;
let cosignerId: string;
let keys: string[];
const cookies = new Map<string, string>();

async function cookieFor(user: TestUser): Promise<string> {
  const cookie =
    cookies.get(user.sub) ??
    (await sessionCookieHeader(user, { appUrl: app.appUrl, secret: app.sessionSecret, dataDir: app.dataDir }));
  cookies.set(user.sub, cookie);
  return cookie;
}

beforeAll(async () => {
  [app, pems] = await Promise.all([
    startTestApp({ port: Number(process.env.WAITING_TEST_PORT ?? 4307), env: { CHANGE_APPROVALS: '1' } }),
    loadPems(),
  ]);
  cosignerId = ((await (await fetch(`${app.simUrl}/_sim/seed`)).json()) as SeedSummary).bigCosignerId;
  const list = await callApi(app.appUrl, 'GET', `/api/cosigners/${cosignerId}/api-keys?pageSize=10&order=ASC`, {
    cookie: await cookieFor(ALICE),
  });
  keys = (list.json as { data: Array<{ id: string }> }).data.map((k) => k.id);
}, 600_000);

afterAll(async () => {
  await app?.close();
});

async function propose(user: TestUser, apiKeyId: string): Promise<string> {
  const res = await callApi(app.appUrl, 'PATCH', `/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`, {
    cookie: await cookieFor(user),
    body: JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: pems.cert } }),
  });
  expect(res.status, res.text).toBe(201);
  return (res.json as ProposeChangeResponse).change.id;
}

async function post(user: TestUser, path: string, body: unknown) {
  const res = await callApi(app.appUrl, 'POST', path, { cookie: await cookieFor(user), body: JSON.stringify(body) });
  expect(res.status, res.text).toBe(200);
}

async function countFor(user: TestUser): Promise<number> {
  const res = await callApi(app.appUrl, 'GET', '/api/changes/waiting', { cookie: await cookieFor(user) });
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
    const nora = await callApi(app.appUrl, 'GET', '/api/changes/waiting', { cookie: await cookieFor(NORA) });
    expect(nora.status).toBe(403);
    expect((await callApi(app.appUrl, 'GET', '/api/changes/waiting')).status).toBe(401);
  });
});
