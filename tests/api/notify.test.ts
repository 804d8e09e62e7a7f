import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ChangeResponse, GetChangeResponse, ProposeChangeResponse } from '@/lib/changes/change-api-schemas';
import type { ChangeNotification } from '@/lib/notify';
import { startWebhookReceiver, type WebhookReceiver } from '@/testing/upstream/webhook-receiver';

import { callApi } from '../../testing/app/api-client';
import { appForFile } from '../../testing/app/file-app';
import { ALICE, VERA, type TestUser } from '../../testing/app/session-cookie';
import { GOOD_URL, loadPems, type Pems } from '../../testing/app/bad-input-cases';

// NOTIFY_WEBHOOK_URL through the real production server (approvals on, the default), simulator and database, to a
// real HTTP receiver on loopback: every state of a change arrives, in order, approved, declined or withdrawn; a
// receiver that fails once still gets it; a receiver that hangs does not hold up the change. Always a server of its
// own (its configuration names this file's receiver).
const BOB: TestUser = { ...ALICE, sub: 'bob', name: 'Bob Admin', email: 'bob@example.com' };
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver?.close());
const t = appForFile(() => ({
  port: Number(process.env.NOTIFY_TEST_PORT ?? 4306),
  env: { NOTIFY_WEBHOOK_URL: receiver.url, CHANGE_APPROVALS: '1' },
}));
let pems: Pems;
let cosignerId: string;
let cosignerName: string;
let keys: string[];

beforeAll(async () => {
  pems = await loadPems();
  cosignerId = t.seed.bigCosignerId;
  const cookie = await t.cookieFor(ALICE);
  const cosigner = await callApi(t.app.appUrl, 'GET', `/api/cosigners/${cosignerId}`, { cookie });
  cosignerName = (cosigner.json as { data: { name: string } }).data.name;
  const list = await callApi(t.app.appUrl, 'GET', `/api/cosigners/${cosignerId}/api-keys?pageSize=10&order=ASC`, {
    cookie,
  });
  keys = (list.json as { data: Array<{ id: string }> }).data.map((k) => k.id);
  expect(keys.length).toBe(10);
}, 600_000);

/** alice proposes a change to the key: it awaits approval. */
async function propose(apiKeyId: string): Promise<ChangeResponse> {
  const res = await callApi(t.app.appUrl, 'PATCH', `/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`, {
    cookie: await t.cookieFor(ALICE),
    body: JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: pems.cert }, reason: 'notify test' }),
  });
  expect(res.status, res.text).toBe(201);
  return (res.json as ProposeChangeResponse).change;
}

async function decide(user: TestUser, changeId: string, action: 'approve' | 'decline' | 'withdraw', body = {}) {
  const started = Date.now();
  const res = await callApi(t.app.appUrl, 'POST', `/api/changes/${changeId}/${action}`, {
    cookie: await t.cookieFor(user),
    body: JSON.stringify(body),
  });
  expect(res.status, res.text).toBe(action === 'approve' ? 202 : 200);
  return {
    answeredAt: Date.now(),
    tookMs: Date.now() - started,
    change: (res.json as { change: ChangeResponse }).change,
  };
}

/** Views the change (as its page does; the background worker follows its Fireblocks request) until it is in `state`. */
async function viewUntil(changeId: string, state: string, timeoutMs = 25_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await callApi(t.app.appUrl, 'GET', `/api/changes/${changeId}`, { cookie: await t.cookieFor(VERA) });
    const change = (res.json as GetChangeResponse).data;
    if (change.state === state) return change;
    if (Date.now() > deadline) throw new Error(`change ${changeId} is ${change.state}, not ${state}`);
    await sleep(300);
  }
}

const notificationsOf = (changeId: string) =>
  receiver.received.filter((r) => (r.body as ChangeNotification | undefined)?.changeId === changeId);
const delivered = (changeId: string) =>
  notificationsOf(changeId)
    .filter((r) => r.answer !== 'hang' && r.answer.status === 200)
    .map((r) => r.body as ChangeNotification);
/** Waits until the receiver has accepted `count` notifications of the change; returns them in arrival order. */
async function deliveredOnceThere(changeId: string, count: number, timeoutMs = 15_000) {
  await receiver.waitFor(() => delivered(changeId).length >= count, timeoutMs);
  return delivered(changeId);
}
const moves = (bodies: ChangeNotification[]) => bodies.map((b) => [b.from, b.to, b.actor?.sub ?? null]);

describe('change notifications (NOTIFY_WEBHOOK_URL)', () => {
  it('POSTs every state of an approved change, in order, with the payload of the contract', async () => {
    const apiKeyId = keys[0] ?? '';
    const proposed = await propose(apiKeyId);
    await decide(BOB, proposed.id, 'approve');
    await viewUntil(proposed.id, 'completed');
    const bodies = await deliveredOnceThere(proposed.id, 4);
    expect(moves(bodies)).toEqual([
      [null, 'awaiting_approval', 'alice'],
      ['awaiting_approval', 'sending', 'bob'],
      ['sending', 'sent', null],
      ['sent', 'completed', null],
    ]);
    const key = `key …${apiKeyId.slice(-6)} on ${cosignerName}`;
    expect(bodies[0]).toEqual({
      changeId: proposed.id,
      cosignerId,
      apiKeyId,
      from: null,
      to: 'awaiting_approval',
      actor: { sub: ALICE.sub, name: ALICE.name, email: ALICE.email },
      at: proposed.createdAt,
      link: `${t.app.appUrl}/changes/${proposed.id}`,
      text: `${ALICE.name} proposed a change to ${key}: awaiting approval`,
    });
    expect(bodies.slice(1).map((b) => b.text)).toEqual([
      `${BOB.name} approved ${ALICE.name}'s change to ${key}: sending`,
      `${ALICE.name}'s change to ${key}: sent to Fireblocks`,
      `${ALICE.name}'s change to ${key}: completed`,
    ]);
    expect(bodies[1]?.actor).toEqual({ sub: BOB.sub, name: BOB.name, email: BOB.email });
    const times = bodies.map((b) => Date.parse(b.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const r of notificationsOf(proposed.id)) expect(r.headers['content-type']).toBe('application/json');
  });

  it('POSTs a decline by another admin and a withdrawal by the proposer', async () => {
    const declined = await propose(keys[1] ?? '');
    await decide(BOB, declined.id, 'decline', { reason: 'Wrong certificate' });
    expect(moves(await deliveredOnceThere(declined.id, 2))).toEqual([
      [null, 'awaiting_approval', 'alice'],
      ['awaiting_approval', 'declined', 'bob'],
    ]);
    expect(delivered(declined.id)[1]?.text).toMatch(
      /^Bob Admin declined Alice Admin's change to key …\S{6} on .+: declined$/,
    );

    const withdrawn = await propose(keys[2] ?? '');
    await decide(ALICE, withdrawn.id, 'withdraw');
    expect(moves(await deliveredOnceThere(withdrawn.id, 2))).toEqual([
      [null, 'awaiting_approval', 'alice'],
      ['awaiting_approval', 'withdrawn', 'alice'],
    ]);
    expect(delivered(withdrawn.id)[1]?.text).toMatch(
      /^Alice Admin withdrew their change to key …\S{6} on .+: withdrawn$/,
    );
  });

  it('retries: a receiver that answers 500 and then 200 still gets every state, in order', async () => {
    const apiKeyId = keys[3] ?? '';
    let failed = false;
    receiver.respond = (req) => {
      if (failed || (req.body as ChangeNotification).apiKeyId !== apiKeyId) return { status: 200 };
      failed = true;
      return { status: 500 };
    };
    try {
      const change = await propose(apiKeyId);
      await decide(BOB, change.id, 'decline', { reason: 'Not now' });
      await deliveredOnceThere(change.id, 2);
      const answered = notificationsOf(change.id).map((r) => [(r.body as ChangeNotification).to, r.answer]);
      expect(answered).toEqual([
        ['awaiting_approval', { status: 500 }],
        ['awaiting_approval', { status: 200 }],
        ['declined', { status: 200 }],
      ]);
      const [first, second] = notificationsOf(change.id);
      // The first retry waits 1 s.
      expect((second?.arrivedAt ?? 0) - (first?.arrivedAt ?? 0)).toBeGreaterThanOrEqual(900);
    } finally {
      receiver.respond = () => ({ status: 200 });
    }
  });

  it('a receiver that hangs does not delay the change: the approval answers while the receiver holds the request', async () => {
    const apiKeyId = keys[4] ?? '';
    // The receiver holds the `sending` notification of this key (up to the notifier's 5 s timeout, then again).
    receiver.respond = (req) => {
      const b = req.body as ChangeNotification;
      return b.apiKeyId === apiKeyId && b.to === 'sending' ? 'hang' : { status: 200 };
    };
    try {
      const change = await propose(apiKeyId);
      await deliveredOnceThere(change.id, 1);
      // Fireblocks takes 1.5 s to answer the PATCH, so the `sending` notification is at the receiver before it does.
      const fault = await fetch(`${t.app.simUrl}/_sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs: 1_500, times: 1, match: { method: 'PATCH' } }),
      });
      expect(fault.status).toBe(200);
      const { answeredAt, tookMs, change: sent } = await decide(BOB, change.id, 'approve');
      const held = notificationsOf(change.id).filter((r) => r.arrivedAt < answeredAt && r.endedAt === null);
      expect(held.map((r) => (r.body as ChangeNotification).to)).toEqual(['sending']);
      // The approval waited for Fireblocks (1.5 s), not for the receiver.
      expect(tookMs).toBeLessThan(4_500);
      expect(sent.state).toBe('sent');
    } finally {
      receiver.respond = () => ({ status: 200 });
    }
  });

  it('never writes the webhook URL (its token) to the server log', () => {
    const log = t.app.readLog() ?? '';
    expect(log).toContain('notification delivered');
    expect(log).toContain('notification attempt failed');
    expect(log).not.toContain(receiver.token);
  });
});
