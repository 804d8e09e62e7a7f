import { setTimeout as sleep } from 'node:timers/promises';

import { beforeAll, describe, expect, it } from 'vitest';

import type { ChangeResponse, GetChangeResponse, ListChangesResponse } from '@/lib/changes/change-api-schemas';

import { callApi, type ApiAnswer } from '../../testing/app/api-client';
import { ALICE, BOB, VERA, type TestUser } from '../../testing/app/session-cookie';
import { newEntries, simLog } from '../../testing/app/sim-log';
import { codeOf, fieldsOf, setupApiStack } from '../../testing/app/api-stack';
import { GOOD_URL } from '../../testing/app/bad-input-cases';

// The change record through the real production server, simulator and database: recorded, sent, followed, refused,
// unknown and reconciled, one change per key, and two admins racing. CHANGE_APPROVALS=0: sent at once, one code
// path with the approval flow (approvals-flow.test.ts) from `sending` on.
const stack = setupApiStack({ port: 4303, keyIndex: 90, env: { CHANGE_APPROVALS: '0' } });
let keys: string[] = [];
const anyString: unknown = expect.any(String);

beforeAll(async () => {
  const list = await callApi(
    stack.app.appUrl,
    'GET',
    `/api/cosigners/${stack.target.cosignerId}/api-keys?pageSize=100&order=ASC`,
    {
      cookie: await stack.cookieFor(ALICE),
    },
  );
  // The 92nd to 99th keys of the big cosigner (the first page): this file's own, left alone by the other suites.
  keys = (list.json as { data: Array<{ id: string }> }).data.slice(91, 99).map((k) => k.id);
}, 60_000);

const keyPath = (apiKeyId: string) => `/api/cosigners/${stack.target.cosignerId}/api-keys/${apiKeyId}`;
const upstreamKeyPath = (apiKeyId: string) => `/v1/cosigners/${stack.target.cosignerId}/api_keys/${apiKeyId}`;
const body = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: stack.pems.cert }, ...extra });

async function patch(apiKeyId: string, user: TestUser = ALICE, text = body()): Promise<ApiAnswer> {
  return callApi(stack.app.appUrl, 'PATCH', keyPath(apiKeyId), { cookie: await stack.cookieFor(user), body: text });
}

async function getChange(changeId: string, user: TestUser = VERA): Promise<GetChangeResponse['data']> {
  const res = await callApi(stack.app.appUrl, 'GET', `/api/changes/${changeId}`, {
    cookie: await stack.cookieFor(user),
  });
  expect(res.status, res.text).toBe(200);
  return (res.json as GetChangeResponse).data;
}

/** Views the change (as the change page does) until it is in `state`. */
async function viewUntil(changeId: string, state: string, timeoutMs = 25_000): Promise<GetChangeResponse['data']> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const change = await getChange(changeId);
    if (change.state === state || Date.now() > deadline) return change;
    await sleep(500);
  }
}

async function setFault(fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${stack.app.simUrl}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(res.status).toBe(200);
}

const patchesSince = async (before: Awaited<ReturnType<typeof simLog>>, apiKeyId: string) =>
  newEntries(before, await simLog(stack.app.simUrl)).filter(
    (e) => e.method === 'PATCH' && e.path === upstreamKeyPath(apiKeyId),
  );

const kinds = (change: GetChangeResponse['data']) => change.timeline.map((t) => t.kind);

describe('the change record', () => {
  it('records a change with its proposer and reason, answers 202 { change, requestId, fireblocksRequestId }, and follows it to completed', async () => {
    const apiKeyId = keys[0] ?? '';
    const res = await patch(apiKeyId, ALICE, body({ reason: 'Rotate the handler certificate' }));
    expect(res.status, res.text).toBe(202);
    const sent = res.json as { change: ChangeResponse; requestId: string; fireblocksRequestId: string };
    expect(sent.change).toMatchObject({
      apiKeyId,
      state: 'sent',
      reason: 'Rotate the handler certificate',
      proposer: { sub: ALICE.sub, email: ALICE.email, name: ALICE.name, role: 'admin' },
      after: { url: GOOD_URL, mode: 'cert' },
      fireblocks: { requestId: sent.requestId, xRequestId: sent.fireblocksRequestId },
    });
    expect(res.headers.get('x-fireblocks-request-id')).toBe(sent.fireblocksRequestId);

    const done = await viewUntil(sent.change.id, 'completed');
    expect(done).toMatchObject({ state: 'completed', fireblocks: { lastStatus: 'COMPLETED' }, closedAt: anyString });
    expect(kinds(done).slice(0, 2)).toEqual(['change_proposed', 'change_sent']);
    expect(kinds(done).at(-1)).toBe('change_completed');
    expect(done.timeline[0]?.actor).toEqual({ sub: ALICE.sub, name: ALICE.name, email: ALICE.email });

    const list = await callApi(stack.app.appUrl, 'GET', `/api/changes?state=closed&apiKeyId=${apiKeyId}`, {
      cookie: await stack.cookieFor(VERA),
    });
    expect(list.status, list.text).toBe(200);
    expect((list.json as ListChangesResponse).data.map((c) => c.id)).toEqual([sent.change.id]);
  });

  it('refuses a reason over 500 characters and unknown fields before anything is recorded or sent', async () => {
    const apiKeyId = keys[1] ?? '';
    const long = await patch(apiKeyId, ALICE, body({ reason: 'x'.repeat(501) }));
    expect(long.status).toBe(400);
    expect(fieldsOf(long).reason).toMatch(/500 characters/);
    const unknown = await patch(apiKeyId, ALICE, body({ note: 'hi' }));
    expect(unknown.status).toBe(400);
    const open = await callApi(stack.app.appUrl, 'GET', `/api/changes?apiKeyId=${apiKeyId}`, {
      cookie: await stack.cookieFor(VERA),
    });
    expect((open.json as ListChangesResponse).data).toEqual([]);
  });

  it('20 admins submitting at the same instant: exactly one PATCH upstream, 19 × 409 change_open naming the winner', async () => {
    const apiKeyId = keys[2] ?? '';
    const admins = Array.from({ length: 20 }, (_, i) => ({ ...ALICE, sub: `racer-${i}`, name: `Racer ${i}` }));
    // Cookies first, so the requests leave together.
    for (const admin of admins) await stack.cookieFor(admin);
    // The winner's PATCH is held upstream for a while, so however the 20 are scheduled, its change is still open
    // (sending) when the last one arrives.
    await setFault({ latencyMs: 4_000, times: 1, match: { method: 'PATCH', pathPrefix: upstreamKeyPath(apiKeyId) } });
    const before = await simLog(stack.app.simUrl);
    const answers = await Promise.all(admins.map((admin) => patch(apiKeyId, admin)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([202, ...Array<number>(19).fill(409)]);
    const winner = (answers.find((a) => a.status === 202)?.json as { change: ChangeResponse }).change;
    for (const loser of answers.filter((a) => a.status === 409)) {
      expect(codeOf(loser)).toBe('change_open');
      expect((loser.json as { error: { changeId: string } }).error.changeId).toBe(winner.id);
    }
    expect(await patchesSince(before, apiKeyId)).toHaveLength(1);
  });

  it('a refusal by Fireblocks (4xx) is `failed`, answered as before with the change id, and frees the key', async () => {
    const apiKeyId = keys[3] ?? '';
    await setFault({ status: 409, times: 1, match: { method: 'PATCH', pathPrefix: upstreamKeyPath(apiKeyId) } });
    const refused = await patch(apiKeyId);
    expect(refused.status, refused.text).toBe(409);
    const error = (refused.json as { error: { code: string; changeId: string; fireblocksRequestId: string } }).error;
    expect(error).toMatchObject({ code: 'conflict', changeId: anyString, fireblocksRequestId: anyString });
    const failed = await getChange(error.changeId);
    expect(failed.state).toBe('failed');
    expect(kinds(failed)).toEqual(['change_proposed', 'change_failed']);
    expect((await patch(apiKeyId)).status).toBe(202);
  });

  it('no answer after Fireblocks accepted: `unknown` ("check before retrying"), never resent, reconciled to completed by the background worker', async () => {
    const apiKeyId = keys[4] ?? '';
    const before = await simLog(stack.app.simUrl);
    await setFault({
      dropAfterHandling: true,
      times: 1,
      match: { method: 'PATCH', pathPrefix: upstreamKeyPath(apiKeyId) },
    });
    const dropped = await patch(apiKeyId);
    expect(dropped.status, dropped.text).toBe(502);
    const error = (dropped.json as { error: { message: string; changeId: string } }).error;
    expect(error.message).toMatch(/outcome unknown: check before retrying/);
    const done = await viewUntil(error.changeId, 'completed');
    expect(done.state).toBe('completed');
    expect(kinds(done)).toEqual(['change_proposed', 'change_unknown', 'change_reconciled']);
    const patches = await patchesSince(before, apiKeyId);
    expect(patches.map((p) => [p.status, p.handledStatus])).toEqual([[0, 202]]);
  });

  it('a drop before Fireblocks handled it stays `unknown`, holds the key (409), and an admin marks it failed after checking', async () => {
    const apiKeyId = keys[5] ?? '';
    await setFault({ drop: true, times: 1, match: { method: 'PATCH', pathPrefix: upstreamKeyPath(apiKeyId) } });
    const dropped = await patch(apiKeyId);
    expect(dropped.status, dropped.text).toBe(502);
    const changeId = (dropped.json as { error: { changeId: string } }).error.changeId;
    // Several passes of the background worker later, the live handler is still the old one, so it stays unknown.
    expect((await getChange(changeId)).state).toBe('unknown');
    await sleep(4_500);
    expect((await getChange(changeId)).state).toBe('unknown');
    const second = await patch(apiKeyId, BOB);
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({ error: { code: 'change_open', changeId } });

    const reconcilePath = `/api/changes/${changeId}/reconcile`;
    const reconcileBody = JSON.stringify({
      outcome: 'failed',
      reason: 'No pending request for this key in the Fireblocks Console',
    });
    expect(
      (
        await callApi(stack.app.appUrl, 'POST', reconcilePath, {
          cookie: await stack.cookieFor(VERA),
          body: reconcileBody,
        })
      ).status,
    ).toBe(403);
    const noReason = await callApi(stack.app.appUrl, 'POST', reconcilePath, {
      cookie: await stack.cookieFor(BOB),
      body: JSON.stringify({ outcome: 'failed', reason: '' }),
    });
    expect(noReason.status).toBe(400);
    const marked = await callApi(stack.app.appUrl, 'POST', reconcilePath, {
      cookie: await stack.cookieFor(BOB),
      body: reconcileBody,
    });
    expect(marked.status, marked.text).toBe(200);
    const change = (marked.json as GetChangeResponse).data;
    expect(change).toMatchObject({
      state: 'failed',
      decidedReason: 'No pending request for this key in the Fireblocks Console',
    });
    expect(change.timeline.at(-1)).toMatchObject({ kind: 'change_reconciled', actor: { sub: BOB.sub } });
    const again = await callApi(stack.app.appUrl, 'POST', reconcilePath, {
      cookie: await stack.cookieFor(BOB),
      body: reconcileBody,
    });
    expect(again.status).toBe(409);
    // The key is free again (an admin of its own: this file's earlier changes count against alice's rate limit).
    expect((await patch(apiKeyId, { ...ALICE, sub: 'carol', name: 'Carol Admin' })).status).toBe(202);
  });

  it('GET /api/changes/{id} answers 404 for an unknown change and 400 for a malformed id; lists refuse a bad cursor', async () => {
    const cookie = await stack.cookieFor(VERA);
    expect(
      (await callApi(stack.app.appUrl, 'GET', '/api/changes/00000000-0000-4000-8000-000000000000', { cookie })).status,
    ).toBe(404);
    expect((await callApi(stack.app.appUrl, 'GET', '/api/changes/not-a-uuid', { cookie })).status).toBe(400);
    expect((await callApi(stack.app.appUrl, 'GET', '/api/changes?pageCursor=zzz', { cookie })).status).toBe(400);
    expect((await callApi(stack.app.appUrl, 'GET', '/api/changes')).status).toBe(401);
  });
});
