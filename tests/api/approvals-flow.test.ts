import { randomUUID } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import type { AuditEvent } from '@/lib/audit/audit-event-schema';
import type {
  SentChangeResponse,
  ChangeDecisionResponse,
  ChangeResponse,
  GetChangeResponse,
  ListChangesResponse,
} from '@/lib/changes/change-api-schemas';
import { rsa2048PublicKeyPem } from '@/testing/fixtures/pem-fixtures';
import { buildSeed, DEFAULT_SEED } from '@/sim/index';

import { callApi, type ApiAnswer } from '../../testing/app/api-client';
import { ALICE, BOB, sessionCookieHeader, VERA, type TestUser } from '../../testing/app/session-cookie';
import { newEntries, simLog } from '../../testing/app/sim-log';
import { codeOf, fieldsOf, setupApiStack } from '../../testing/app/api-stack';
import { GOOD_URL } from '../../testing/app/bad-input-cases';

// Four eyes through the real production server, simulator and database, with the default CHANGE_APPROVALS=1: a
// proposal waits and sends nothing; another admin, freshly signed in, approves and it is sent exactly once (also
// when twenty approve at once); the proposer cannot approve; the drift guard, decline, withdraw and the edit gate.
const stack = setupApiStack({ port: 4305, keyIndex: 60 });
let keys: string[] = [];
const anyString: unknown = expect.any(String);

beforeAll(async () => {
  const list = await callApi(
    stack.app.appUrl,
    'GET',
    `/api/cosigners/${stack.target.cosignerId}/api-keys?pageSize=100&order=ASC`,
    { cookie: await stack.cookieFor(ALICE) },
  );
  // The 62nd to 75th keys of the big cosigner: this file's own, left alone by the other suites.
  keys = (list.json as { data: Array<{ id: string }> }).data.slice(61, 75).map((k) => k.id);
}, 60_000);

const keyPath = (cosignerId: string, apiKeyId: string) => `/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`;
const upstreamKeyPath = (cosignerId: string, apiKeyId: string) => `/v1/cosigners/${cosignerId}/api_keys/${apiKeyId}`;
const body = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: stack.pems.cert }, ...extra });

/** An admin like alice, one per test: proposals are rate-limited per user (a burst of 5, then one every 12 s). */
const proposerNo = (n: number): TestUser => ({ ...ALICE, sub: `proposer-${n}`, name: `Proposer ${n}` });

async function propose(apiKeyId: string, proposer: TestUser, cosignerId = stack.target.cosignerId): Promise<ApiAnswer> {
  return callApi(stack.app.appUrl, 'PATCH', keyPath(cosignerId, apiKeyId), {
    cookie: await stack.cookieFor(proposer),
    body: body({ reason: 'Move the handler to the new host' }),
  });
}

async function proposed(apiKeyId: string, proposer: TestUser): Promise<ChangeResponse> {
  const res = await propose(apiKeyId, proposer);
  expect(res.status, res.text).toBe(201);
  return (res.json as { change: ChangeResponse }).change;
}

async function act(
  changeId: string,
  action: 'approve' | 'decline' | 'withdraw',
  user: TestUser | string,
  payload: Record<string, unknown> = {},
): Promise<ApiAnswer> {
  const cookie = typeof user === 'string' ? user : await stack.cookieFor(user);
  return callApi(stack.app.appUrl, 'POST', `/api/changes/${changeId}/${action}`, {
    cookie,
    body: JSON.stringify(payload),
  });
}

async function getChange(changeId: string): Promise<GetChangeResponse['data']> {
  const res = await callApi(stack.app.appUrl, 'GET', `/api/changes/${changeId}`, {
    cookie: await stack.cookieFor(VERA),
  });
  expect(res.status, res.text).toBe(200);
  return (res.json as GetChangeResponse).data;
}

/** The key's audit events, oldest first, as [kind, actor sub]. */
async function auditOf(apiKeyId: string): Promise<Array<[string, string | null]>> {
  const res = await callApi(
    stack.app.appUrl,
    'GET',
    `/api/audit?cosignerId=${stack.target.cosignerId}&apiKeyId=${apiKeyId}&pageSize=100`,
    { cookie: await stack.cookieFor(VERA) },
  );
  expect(res.status, res.text).toBe(200);
  return (res.json as { data: AuditEvent[] }).data.reverse().map((e) => [e.kind, e.actor?.sub ?? null]);
}

/** PATCHes of one key that reached the simulator since `before`. */
const patchesSince = async (before: Awaited<ReturnType<typeof simLog>>, cosignerId: string, apiKeyId: string) =>
  newEntries(before, await simLog(stack.app.simUrl)).filter(
    (e) => e.method === 'PATCH' && e.path === upstreamKeyPath(cosignerId, apiKeyId),
  );

const errorOf = (a: ApiAnswer) => (a.json as { error: { code: string; changeId?: string; stepUpUrl?: string } }).error;

describe('four eyes', () => {
  it('alice proposes: 201 awaiting_approval with its expiry, nothing sent; bob approves: 202, exactly one PATCH, audited step by step', async () => {
    const apiKeyId = keys[0] ?? '';
    const before = await simLog(stack.app.simUrl);
    const res = await propose(apiKeyId, ALICE);
    expect(res.status, res.text).toBe(201);
    const change = (res.json as { change: ChangeResponse }).change;
    expect(change).toMatchObject({
      state: 'awaiting_approval',
      proposer: { sub: ALICE.sub },
      approver: null,
      reason: 'Move the handler to the new host',
      expiresAt: anyString,
      fireblocks: { requestId: null },
    });
    // The default CHANGE_TTL is 24 h.
    expect(Date.parse(change.expiresAt ?? '') - Date.parse(change.createdAt)).toBe(24 * 3_600_000);
    expect(await patchesSince(before, stack.target.cosignerId, apiKeyId)).toEqual([]);

    const approved = await act(change.id, 'approve', BOB);
    expect(approved.status, approved.text).toBe(202);
    const sent = approved.json as SentChangeResponse;
    expect(sent.change).toMatchObject({
      id: change.id,
      state: 'sent',
      approver: { sub: BOB.sub, name: BOB.name },
      fireblocks: { requestId: sent.requestId, xRequestId: sent.fireblocksRequestId },
    });
    expect(approved.headers.get('x-fireblocks-request-id')).toBe(sent.fireblocksRequestId);
    const patches = await patchesSince(before, stack.target.cosignerId, apiKeyId);
    expect(patches).toHaveLength(1);
    expect(patches[0]?.body).toContain(GOOD_URL);

    const timeline = (await getChange(change.id)).timeline;
    expect(timeline.slice(0, 3).map((t) => [t.kind, t.actor?.sub ?? null])).toEqual([
      ['change_proposed', ALICE.sub],
      ['change_approved', BOB.sub],
      ['change_sent', null],
    ]);
    expect((await auditOf(apiKeyId)).slice(0, 3)).toEqual([
      ['change_proposed', ALICE.sub],
      ['change_approved', BOB.sub],
      ['change_sent', null],
    ]);
  });

  it('what the approver sees is what is sent: the URL normalised once, then stored, shown and PATCHed as one string', async () => {
    const apiKeyId = keys[8] ?? '';
    const { host, pathname } = new URL(GOOD_URL);
    const typed = `HTTPS://${host.toUpperCase()}:443/x/..${pathname}`;
    const res = await callApi(stack.app.appUrl, 'PATCH', keyPath(stack.target.cosignerId, apiKeyId), {
      cookie: await stack.cookieFor(proposerNo(10)),
      body: JSON.stringify({ callbackHandler: { url: typed, cert: stack.pems.cert } }),
    });
    expect(res.status, res.text).toBe(201);
    const change = (res.json as { change: ChangeResponse }).change;
    expect(change.after.url).toBe(GOOD_URL);
    expect((await getChange(change.id)).after.url).toBe(GOOD_URL);
    const before = await simLog(stack.app.simUrl);
    const approved = await act(change.id, 'approve', BOB);
    expect(approved.status, approved.text).toBe(202);
    const patches = await patchesSince(before, stack.target.cosignerId, apiKeyId);
    expect(patches).toHaveLength(1);
    expect((JSON.parse(patches[0]?.body ?? '{}') as { callbackHandler: { url: string } }).callbackHandler.url).toBe(
      GOOD_URL,
    );
  });

  it("a viewer's burst of reads of random cosigner ids cannot spend the upstream budget: an admin's approval still goes through", async () => {
    const apiKeyId = keys[9] ?? '';
    const change = await proposed(apiKeyId, proposerNo(11));
    const simControl = (method: string, body?: unknown) =>
      fetch(`${stack.app.simUrl}/_sim/rate-limit`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // Fireblocks' limit for this API user's reads, as the simulator plays it: 200 a minute.
    expect((await simControl('POST', { requests: 200, windowMs: 60_000 })).status).toBe(200);
    try {
      const before = await simLog(stack.app.simUrl);
      // A viewer of her own: the burst spends her whole read share for a minute, which other files' viewers must keep.
      const vera = await stack.cookieFor({ ...VERA, sub: 'burst-viewer' });
      const statuses: number[] = [];
      for (let round = 0; round < 10; round++) {
        const answers = await Promise.all(
          Array.from({ length: 30 }, () =>
            callApi(stack.app.appUrl, 'GET', `/api/cosigners/${randomUUID()}`, { cookie: vera }),
          ),
        );
        statuses.push(...answers.map((a) => a.status));
      }
      // Her reads: one cosigner each (the background worker's status reads of other tests' changes are not hers).
      const reads = newEntries(before, await simLog(stack.app.simUrl)).filter(
        (e) => e.method === 'GET' && /^\/v1\/cosigners\/[^/?]+$/.test(e.path),
      );

      const approved = await act(change.id, 'approve', BOB);
      expect(approved.status, approved.text).toBe(202);
      expect(await patchesSince(before, stack.target.cosignerId, apiKeyId)).toHaveLength(1);
      // Her share of the read budget reached Fireblocks (each a 404); the rest was refused by the console itself.
      // Every answer a 404 (from Fireblocks) or a 429 (from the console); the tally is in the message if not.
      const tally = JSON.stringify(
        statuses.reduce<Record<number, number>>((t, st) => ({ ...t, [st]: (t[st] ?? 0) + 1 }), {}),
      );
      expect(
        statuses.filter((st) => st !== 404 && st !== 429),
        tally,
      ).toEqual([]);
      expect(statuses.filter((st) => st === 429).length, tally).toBeGreaterThanOrEqual(150);
      expect(reads.length).toBeLessThanOrEqual(150);
      expect(reads.every((e) => e.status === 404)).toBe(true);
    } finally {
      await simControl('DELETE');
    }
  });

  it('twenty admins approve at the same instant: one 202, nineteen 409 change_not_awaiting, one upstream PATCH', async () => {
    const apiKeyId = keys[1] ?? '';
    const proposer = proposerNo(2);
    const change = await proposed(apiKeyId, proposer);
    const admins = Array.from({ length: 20 }, (_, i) => ({ ...BOB, sub: `approver-${i}`, name: `Approver ${i}` }));
    // Cookies first, so the requests leave together.
    for (const admin of admins) await stack.cookieFor(admin);
    const before = await simLog(stack.app.simUrl);
    const answers = await Promise.all(admins.map((admin) => act(change.id, 'approve', admin)));
    expect(answers.map((a) => a.status).sort()).toEqual([202, ...Array<number>(19).fill(409)]);
    for (const loser of answers.filter((a) => a.status === 409)) {
      expect(errorOf(loser)).toMatchObject({ code: 'change_not_awaiting', changeId: change.id });
    }
    expect(await patchesSince(before, stack.target.cosignerId, apiKeyId)).toHaveLength(1);
    const winner = (answers.find((a) => a.status === 202)?.json as SentChangeResponse).change;
    const kinds = (await getChange(change.id)).timeline.map((t) => [t.kind, t.actor?.sub ?? null]);
    expect(kinds.slice(0, 3)).toEqual([
      ['change_proposed', proposer.sub],
      ['change_approved', winner.approver?.sub],
      ['change_sent', null],
    ]);
    expect(kinds.filter(([k]) => k === 'change_approved')).toHaveLength(1);
  });

  it('alice cannot approve or decline her own change (403 own_change); nothing is sent', async () => {
    const apiKeyId = keys[2] ?? '';
    const change = await proposed(apiKeyId, ALICE);
    const before = await simLog(stack.app.simUrl);
    const own = await act(change.id, 'approve', ALICE);
    expect(own.status, own.text).toBe(403);
    expect(errorOf(own)).toMatchObject({ code: 'own_change', changeId: change.id });
    const ownDecline = await act(change.id, 'decline', ALICE, { reason: 'never mind' });
    expect(codeOf(ownDecline)).toBe('own_change');
    expect(await patchesSince(before, stack.target.cosignerId, apiKeyId)).toEqual([]);
    expect((await getChange(change.id)).state).toBe('awaiting_approval');
  });

  it('a sign-in older than STEP_UP_MAX_AGE: 401 step_up_required with the same-origin way back; then a fresh one approves', async () => {
    const apiKeyId = keys[3] ?? '';
    const change = await proposed(apiKeyId, proposerNo(4));
    const now = Date.now();
    const stale = await sessionCookieHeader(BOB, {
      appUrl: stack.app.appUrl,
      secret: stack.app.sessionSecret,
      dataDir: stack.app.dataDir,
      createdAt: now - 10 * 60_000,
      lastSeenAt: now - 60_000,
    });
    const before = await simLog(stack.app.simUrl);
    const refused = await act(change.id, 'approve', stale);
    expect(refused.status, refused.text).toBe(401);
    expect(errorOf(refused)).toMatchObject({
      code: 'step_up_required',
      changeId: change.id,
      stepUpUrl: `/auth/login?stepUp=1&returnTo=${encodeURIComponent(`/changes/${change.id}?approve=1`)}`,
    });
    // The session itself is still good for everything else.
    expect((await callApi(stack.app.appUrl, 'GET', '/api/me', { cookie: stale })).status).toBe(200);
    expect(await patchesSince(before, stack.target.cosignerId, apiKeyId)).toEqual([]);
    expect((await getChange(change.id)).state).toBe('awaiting_approval');
    expect((await act(change.id, 'approve', BOB)).status).toBe(202);
  });

  it('the live handler moved before approval: 409 change_stale, the change is stale, nothing sent, the key free again', async () => {
    const apiKeyId = keys[4] ?? '';
    const proposer = proposerNo(5);
    const change = await proposed(apiKeyId, proposer);
    const moved = await fetch(
      `${stack.app.simUrl}/_sim/cosigners/${stack.target.cosignerId}/api_keys/${apiKeyId}/callback_handler`,
      {
        method: 'PUT',
        body: JSON.stringify({ url: 'https://moved.example.com/callback', publicKey: rsa2048PublicKeyPem() }),
      },
    );
    expect(moved.status).toBe(200);
    const before = await simLog(stack.app.simUrl);
    const stale = await act(change.id, 'approve', BOB);
    expect(stale.status, stale.text).toBe(409);
    expect(errorOf(stale)).toMatchObject({ code: 'change_stale', changeId: change.id });
    expect(await patchesSince(before, stack.target.cosignerId, apiKeyId)).toEqual([]);
    const now = await getChange(change.id);
    expect(now).toMatchObject({ state: 'stale', approver: null, decidedReason: anyString, closedAt: anyString });
    expect(now.timeline.map((t) => [t.kind, t.actor?.sub ?? null])).toEqual([
      ['change_proposed', proposer.sub],
      ['change_stale', BOB.sub],
    ]);
    expect((await propose(apiKeyId, proposer)).status).toBe(201);
  });

  it('bob declines with a reason (required): declined, audited with his reason, the key free again', async () => {
    const apiKeyId = keys[5] ?? '';
    const proposer = proposerNo(6);
    const change = await proposed(apiKeyId, proposer);
    const noReason = await act(change.id, 'decline', BOB, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason).reason).toMatch(/\S/);
    const declined = await act(change.id, 'decline', BOB, { reason: 'Wrong host: use the DR site' });
    expect(declined.status, declined.text).toBe(200);
    expect((declined.json as ChangeDecisionResponse).change).toMatchObject({
      state: 'declined',
      decidedReason: 'Wrong host: use the DR site',
      approver: { sub: BOB.sub },
      closedAt: anyString,
    });
    const again = await act(change.id, 'approve', { ...BOB, sub: 'carol', name: 'Carol' });
    expect(errorOf(again)).toMatchObject({ code: 'change_not_awaiting', changeId: change.id });
    const last = (await getChange(change.id)).timeline.at(-1);
    expect(last).toMatchObject({ kind: 'change_declined', actor: { sub: BOB.sub } });
    expect(last?.detail).toContain('Wrong host: use the DR site');
    expect((await propose(apiKeyId, proposer)).status).toBe(201);
  });

  it('only the proposer withdraws (403 not_proposer for bob); withdrawn frees the key', async () => {
    const apiKeyId = keys[6] ?? '';
    const proposer = proposerNo(7);
    const change = await proposed(apiKeyId, proposer);
    const byBob = await act(change.id, 'withdraw', BOB);
    expect(byBob.status).toBe(403);
    expect(errorOf(byBob)).toMatchObject({ code: 'not_proposer', changeId: change.id });
    const withdrawn = await act(change.id, 'withdraw', proposer);
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect((withdrawn.json as ChangeDecisionResponse).change.state).toBe('withdrawn');
    expect((await getChange(change.id)).timeline.map((t) => [t.kind, t.actor?.sub ?? null])).toEqual([
      ['change_proposed', proposer.sub],
      ['change_withdrawn', proposer.sub],
    ]);
    expect((await propose(apiKeyId, proposer)).status).toBe(201);
  });

  it('the decision routes take admins only, same-origin, JSON; a body with unknown fields is 400', async () => {
    const change = await proposed(keys[7] ?? '', proposerNo(8));
    const viewer = await act(change.id, 'approve', VERA);
    expect(viewer.status).toBe(403);
    const crossSite = await callApi(stack.app.appUrl, 'POST', `/api/changes/${change.id}/approve`, {
      cookie: await stack.cookieFor(BOB),
      body: '{}',
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect((await act(change.id, 'approve', BOB, { force: true })).status).toBe(400);
    expect((await act('00000000-0000-4000-8000-000000000000', 'approve', BOB)).status).toBe(404);
    expect((await getChange(change.id)).state).toBe('awaiting_approval');
  });

  it('an archived cosigner and one below the version the API needs: 409 before anything is recorded or sent', async () => {
    const seed = buildSeed(DEFAULT_SEED);
    for (const [name, code] of [
      ['Legacy Treasury SGX', 'cosigner_archived'],
      ['Branch Office SGX', 'cosigner_version_too_old'],
    ] as const) {
      const gated = seed.find((c) => c.cosigner.name === name);
      const cosignerId = gated?.cosigner.id ?? '';
      const apiKeyId = gated?.keys[0]?.id ?? '';
      const before = await simLog(stack.app.simUrl);
      const res = await propose(apiKeyId, proposerNo(9), cosignerId);
      expect(res.status, res.text).toBe(409);
      expect(codeOf(res)).toBe(code);
      // The route read the cosigner (that is how it knows) and, at the same time, the key's live handler; nothing
      // was written upstream.
      const upstream = newEntries(before, await simLog(stack.app.simUrl)).filter((e) => e.path.includes(cosignerId));
      expect(upstream.map((e) => `${e.method} ${e.path}`).sort()).toEqual([
        `GET /v1/cosigners/${cosignerId}`,
        `GET /v1/cosigners/${cosignerId}/api_keys/${apiKeyId}`,
      ]);
      const changes = await callApi(stack.app.appUrl, 'GET', `/api/changes?apiKeyId=${apiKeyId}`, {
        cookie: await stack.cookieFor(VERA),
      });
      expect((changes.json as ListChangesResponse).data).toEqual([]);
    }
  });
});
