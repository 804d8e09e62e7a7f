import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { GetChangeResponse, ProposeChangeResponse } from '@/lib/changes/change-api-schemas';
import type { ChangeNotification } from '@/lib/notify';
import { startWebhookReceiver, type WebhookReceiver } from '@/lib/testing/webhook-receiver';
import type { SeedSummary } from '@/sim/index';

import { callApi } from '../helpers/api-client';
import { ALICE, sessionCookieHeader, VERA, type TestUser } from '../helpers/session-cookie';
import { startTestApp, type TestApp } from '../helpers/start-app';
import { GOOD_URL, loadPems, type Pems } from './bad-input-cases';

// NOTIFY_WEBHOOK_URL through the real production server, simulator and database, to a real HTTP receiver on
// loopback: every state of a change arrives, in order; a receiver that fails once still gets it; a receiver that
// hangs does not hold up the change. Always a server of its own (its configuration names this file's receiver).
let app: TestApp;
let receiver: WebhookReceiver;
let pems: Pems;
let cosignerId: string;
let cosignerName: string;
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
  receiver = await startWebhookReceiver();
  [app, pems] = await Promise.all([
    startTestApp({
      port: Number(process.env.NOTIFY_TEST_PORT ?? 4306),
      env: { NOTIFY_WEBHOOK_URL: receiver.url, CHANGE_APPROVALS: '0' },
    }),
    loadPems(),
  ]);
  const seed = (await (await fetch(`${app.simUrl}/_sim/seed`)).json()) as SeedSummary;
  cosignerId = seed.bigCosignerId;
  const cookie = await cookieFor(ALICE);
  const cosigner = await callApi(app.appUrl, 'GET', `/api/cosigners/${cosignerId}`, { cookie });
  cosignerName = (cosigner.json as { data: { name: string } }).data.name;
  const list = await callApi(app.appUrl, 'GET', `/api/cosigners/${cosignerId}/api-keys?pageSize=10&order=ASC`, {
    cookie,
  });
  keys = (list.json as { data: Array<{ id: string }> }).data.map((k) => k.id);
  expect(keys.length).toBe(10);
}, 600_000);

afterAll(async () => {
  await app?.close();
  await receiver?.close();
});

const keyPath = (apiKeyId: string) => `/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`;

async function propose(apiKeyId: string) {
  const started = Date.now();
  const res = await callApi(app.appUrl, 'PATCH', keyPath(apiKeyId), {
    cookie: await cookieFor(ALICE),
    body: JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: pems.cert }, reason: 'notify test' }),
  });
  expect(res.status, res.text).toBe(202);
  return { change: (res.json as ProposeChangeResponse).change, answeredAt: Date.now(), tookMs: Date.now() - started };
}

/** Views the change (as its page does, which follows its Fireblocks request) until it is in `state`. */
async function viewUntil(changeId: string, state: string, timeoutMs = 25_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await callApi(app.appUrl, 'GET', `/api/changes/${changeId}`, { cookie: await cookieFor(VERA) });
    const change = (res.json as GetChangeResponse).data;
    if (change.state === state) return change;
    if (Date.now() > deadline) throw new Error(`change ${changeId} is ${change.state}, not ${state}`);
    await sleep(300);
  }
}

const notificationsOf = (changeId: string) =>
  receiver.received.filter((r) => (r.body as ChangeNotification | undefined)?.changeId === changeId);
const deliveredStates = (changeId: string) =>
  notificationsOf(changeId)
    .filter((r) => r.answer !== 'hang' && r.answer.status === 200)
    .map((r) => (r.body as ChangeNotification).to);

describe('change notifications (NOTIFY_WEBHOOK_URL)', () => {
  it('POSTs every state of a change, in order, with the payload of the contract', async () => {
    const apiKeyId = keys[0] ?? '';
    const { change } = await propose(apiKeyId);
    await viewUntil(change.id, 'completed');
    await receiver.waitFor(() => deliveredStates(change.id).length === 3);
    const bodies = notificationsOf(change.id).map((r) => r.body as ChangeNotification);
    expect(bodies.map((b) => [b.from, b.to])).toEqual([
      [null, 'sending'],
      ['sending', 'sent'],
      ['sent', 'completed'],
    ]);
    const tail = apiKeyId.slice(-6);
    expect(bodies[0]).toEqual({
      changeId: change.id,
      cosignerId,
      apiKeyId,
      from: null,
      to: 'sending',
      actor: { sub: ALICE.sub, name: ALICE.name, email: ALICE.email },
      at: change.createdAt,
      link: `${app.appUrl}/changes/${change.id}`,
      text: `${ALICE.name} proposed a change to key …${tail} on ${cosignerName}: sending`,
    });
    expect(bodies[1]).toMatchObject({
      actor: null,
      text: `${ALICE.name}'s change to key …${tail} on ${cosignerName}: sent to Fireblocks`,
    });
    expect(bodies[2]?.text).toBe(`${ALICE.name}'s change to key …${tail} on ${cosignerName}: completed`);
    const times = bodies.map((b) => Date.parse(b.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const r of notificationsOf(change.id)) expect(r.headers['content-type']).toBe('application/json');
  });

  it('retries: a receiver that answers 500 and then 200 still gets every state, in order', async () => {
    const apiKeyId = keys[1] ?? '';
    let failed = false;
    receiver.respond = () => {
      if (failed) return { status: 200 };
      failed = true;
      return { status: 500 };
    };
    try {
      const { change } = await propose(apiKeyId);
      await viewUntil(change.id, 'completed');
      await receiver.waitFor(() => deliveredStates(change.id).length === 3, 15_000);
      const answered = notificationsOf(change.id).map((r) => [(r.body as ChangeNotification).to, r.answer]);
      expect(answered).toEqual([
        ['sending', { status: 500 }],
        ['sending', { status: 200 }],
        ['sent', { status: 200 }],
        ['completed', { status: 200 }],
      ]);
    } finally {
      receiver.respond = () => ({ status: 200 });
    }
  });

  it('a receiver that hangs does not delay the change: the PATCH answers while the receiver holds the request', async () => {
    const apiKeyId = keys[2] ?? '';
    receiver.respond = (req) => ((req.body as ChangeNotification).apiKeyId === apiKeyId ? 'hang' : { status: 200 });
    // Fireblocks takes 1.5 s to answer the PATCH, so the `sending` notification is at the receiver before it does.
    const fault = await fetch(`${app.simUrl}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 1_500, times: 1, match: { method: 'PATCH' } }),
    });
    expect(fault.status).toBe(200);
    try {
      const { change, answeredAt, tookMs } = await propose(apiKeyId);
      const held = notificationsOf(change.id).filter((r) => r.arrivedAt < answeredAt && r.endedAt === null);
      expect(held.map((r) => (r.body as ChangeNotification).to)).toEqual(['sending']);
      // The PATCH waited for Fireblocks (1.5 s), not for the receiver (it holds the request up to its 5 s timeout).
      expect(tookMs).toBeLessThan(4_500);
      expect(change.state).toBe('sent');
    } finally {
      receiver.respond = () => ({ status: 200 });
    }
  });

  it('never writes the webhook URL (its token) to the server log', () => {
    const log = app.readLog() ?? '';
    expect(log).toContain('notification delivered');
    expect(log).not.toContain(receiver.token);
  });
});
