import { randomUUID } from 'node:crypto';

import pino from 'pino';
import { describe, expect, it } from 'vitest';

import { verifyDatabaseChain } from '@/lib/audit/read';
import { type Db } from '@/lib/db/connect';
import { rsaTestKey } from '@/testing/fixtures/keys';
import { ALICE, BOB, changeSuite, rejection } from '@/testing/upstream/change-suite';
import { TEST_ENGINES } from '@/testing/db/test-databases';
import { buildSeed, seedSummary } from '@/sim/index';

import { approveChange, stepUpSecondsLeft } from './approve-change';
import type { ChangeContext } from './change-context';
import { declineChange } from './decline-change';
import { followOpenChanges } from './follow-open-changes';
import { proposeChange } from './propose-change';
import { getChangeWithTimeline, listChanges } from './read-changes';
import { readChange } from './transition-change';
import { withdrawChange } from './withdraw-change';

// The approval step of the change record against the real simulator and a real database on both engines: the one
// conditional UPDATE that lets exactly one of many approvals send, the database's refusal of self-approval, step-up,
// the drift guard, decline, withdraw, expiry, and the edit gate.
const API_KEY = 'c0ffee00-1234-4abc-8def-0000000000a2';
const handlerPem = rsaTestKey(2048).publicPem;
const BIG = seedSummary().bigCosignerId;
const HOUR = 3_600_000;

const suite = changeSuite(API_KEY);

describe.each(TEST_ENGINES)('approvals on %s', (engine) => {
  let db: Db;
  let ctx: ChangeContext;
  suite.freshContextForEachTest(engine, (fresh) => ({ db, ctx } = fresh));

  const { takeKey, patchesTo } = suite;
  const propose = async (apiKeyId: string, o: { ttlMs?: number; cosignerId?: string } = {}) => {
    const proposed = await proposeChange(ctx, {
      cosignerId: o.cosignerId ?? BIG,
      apiKeyId,
      callbackHandler: { url: `https://callbacks.example.com/${apiKeyId}`, publicKey: handlerPem },
      reason: 'rotate the handler key',
      actor: ALICE,
      requestId: randomUUID(),
      approvals: 1,
      ttlMs: o.ttlMs ?? HOUR,
    });
    if (proposed.sent) throw new Error('with CHANGE_APPROVALS=1 nothing is sent at once');
    return proposed.change;
  };
  const approve = (changeId: string, actor = BOB, authTime: number | null = Date.now()) =>
    approveChange(ctx, { changeId, actor, authTime, stepUpMaxAgeSeconds: 300, requestId: randomUUID() });
  const events = (changeId: string) =>
    db.kysely.selectFrom('audit_events').selectAll().where('change_id', '=', changeId).orderBy('seq').execute();
  const kindsAndActors = async (changeId: string) => (await events(changeId)).map((e) => [e.kind, e.actor_sub]);

  it('a proposal waits in awaiting_approval until expires_at, holds the key, and sends nothing', async () => {
    const apiKeyId = takeKey();
    const before = Date.now();
    const change = await propose(apiKeyId);
    expect(change).toMatchObject({ state: 'awaiting_approval', approver: null, approver_sub: null });
    const expiresAt = Date.parse(change.expires_at ?? '');
    expect(expiresAt - before).toBeGreaterThanOrEqual(HOUR);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(HOUR);
    expect(await kindsAndActors(change.id)).toEqual([['change_proposed', 'alice']]);
    expect(patchesTo(apiKeyId)).toEqual([]);
    expect(await rejection(propose(apiKeyId))).toMatchObject({ status: 409, code: 'change_open', changeId: change.id });
  });

  it('twenty approvals at once: one conditional UPDATE wins and sends once; the others 409 change_not_awaiting', async () => {
    const apiKeyId = takeKey();
    const change = await propose(apiKeyId);
    const approvers = Array.from({ length: 20 }, (_, i) => ({ ...BOB, sub: `approver-${i}` }));
    const results = await Promise.allSettled(approvers.map((a) => approve(change.id, a)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect(r.reason).toMatchObject({ status: 409, code: 'change_not_awaiting', changeId: change.id });
    }
    expect(patchesTo(apiKeyId)).toHaveLength(1);
    const row = await readChange(db, change.id);
    expect(row?.state).toBe('sent');
    const kinds = (await events(change.id)).map((e) => e.kind);
    expect(kinds).toEqual(['change_proposed', 'change_approved', 'change_sent']);
    const approvedBy = (await events(change.id))[1]?.actor_sub;
    expect(row?.approver_sub).toBe(approvedBy);
    expect(await verifyDatabaseChain(db)).toMatchObject({ ok: true });
  });

  it('the proposer cannot approve (403 own_change), and the database refuses it even when asked directly', async () => {
    const apiKeyId = takeKey();
    const change = await propose(apiKeyId);
    expect(await rejection(approve(change.id, ALICE))).toMatchObject({ status: 403, code: 'own_change' });
    expect(
      await rejection(declineChange(db, { changeId: change.id, actor: ALICE, reason: 'x', requestId: 'r' })),
    ).toMatchObject({ status: 403, code: 'own_change' });
    // Past the application: the CHECK constraint changes_approver_not_proposer.
    const direct = db.kysely
      .updateTable('changes')
      .set({ approver: JSON.stringify(ALICE), approver_sub: ALICE.sub, state: 'sending' })
      .where('id', '=', change.id)
      .execute();
    await expect(direct).rejects.toThrow(/changes_approver_not_proposer|CHECK constraint/i);
    expect((await readChange(db, change.id))?.state).toBe('awaiting_approval');
    expect(patchesTo(apiKeyId)).toEqual([]);
  });

  it('step-up: a sign-in older than STEP_UP_MAX_AGE, or of unknown age, is 401 step_up_required with the way back', async () => {
    const change = await propose(takeKey());
    for (const authTime of [Date.now() - 301_000, null]) {
      const error = await rejection(approve(change.id, BOB, authTime));
      expect(error).toMatchObject({ status: 401, code: 'step_up_required', changeId: change.id });
      expect(error.stepUpUrl).toBe(
        `/auth/login?stepUp=1&returnTo=${encodeURIComponent(`/changes/${change.id}?approve=1`)}`,
      );
    }
    expect((await readChange(db, change.id))?.state).toBe('awaiting_approval');
    expect((await approve(change.id, BOB, Date.now() - 299_000)).change.state).toBe('sent');
  });

  it('drift guard: the live handler moved since the proposal -> stale with change_stale, 409, nothing sent, key free', async () => {
    const apiKeyId = takeKey();
    const change = await propose(apiKeyId);
    const moved = await fetch(`${suite.sim.url}/_sim/cosigners/${BIG}/api_keys/${apiKeyId}/callback_handler`, {
      method: 'PUT',
      body: JSON.stringify({ url: 'https://moved.example.com/cb', publicKey: rsaTestKey(2048).publicPem }),
    });
    expect(moved.status).toBe(200);
    expect(await rejection(approve(change.id))).toMatchObject({
      status: 409,
      code: 'change_stale',
      changeId: change.id,
    });
    const row = await readChange(db, change.id);
    expect(row).toMatchObject({ state: 'stale', approver_sub: null, closed_at: expect.any(String) as unknown });
    expect(await kindsAndActors(change.id)).toEqual([
      ['change_proposed', 'alice'],
      ['change_stale', 'bob'],
    ]);
    expect(patchesTo(apiKeyId)).toEqual([]);
    // Stale is closed: the key takes a new proposal made against the live handler.
    expect((await propose(apiKeyId)).state).toBe('awaiting_approval');
  });

  it('decline needs another admin, records the reason and the decider, and frees the key; a second decision is 409', async () => {
    const apiKeyId = takeKey();
    const change = await propose(apiKeyId);
    const declined = await declineChange(db, {
      changeId: change.id,
      actor: BOB,
      reason: 'wrong host',
      requestId: randomUUID(),
    });
    expect(declined).toMatchObject({ state: 'declined', decided_reason: 'wrong host', approver_sub: 'bob' });
    const last = (await events(change.id)).at(-1);
    expect(last).toMatchObject({ kind: 'change_declined', actor_sub: 'bob' });
    expect(JSON.parse(last?.detail ?? 'null')).toMatchObject({ reason: 'wrong host' });
    expect(await rejection(approve(change.id))).toMatchObject({ status: 409, code: 'change_not_awaiting' });
    expect(patchesTo(apiKeyId)).toEqual([]);
    expect((await propose(apiKeyId)).state).toBe('awaiting_approval');
  });

  it('withdraw: only the proposer (403 not_proposer for others); frees the key', async () => {
    const apiKeyId = takeKey();
    const change = await propose(apiKeyId);
    expect(await rejection(withdrawChange(db, { changeId: change.id, actor: BOB, requestId: 'r' }))).toMatchObject({
      status: 403,
      code: 'not_proposer',
    });
    const withdrawn = await withdrawChange(db, { changeId: change.id, actor: ALICE, requestId: randomUUID() });
    expect(withdrawn.state).toBe('withdrawn');
    expect(await kindsAndActors(change.id)).toEqual([
      ['change_proposed', 'alice'],
      ['change_withdrawn', 'alice'],
    ]);
    expect((await propose(apiKeyId)).state).toBe('awaiting_approval');
  });

  it('expiry: past expires_at a change is expired by the follow pass and before an approval (actor null), never by a read, freeing the key', async () => {
    const [onPass, onApprove] = [takeKey(), takeKey()];
    const passed = await propose(onPass, { ttlMs: 1 });
    const approved = await propose(onApprove, { ttlMs: 1 });
    await new Promise((r) => setTimeout(r, 10));

    // Reading it changes nothing: the change page and the list only read.
    expect((await getChangeWithTimeline(db, passed.id)).data).toMatchObject({
      state: 'awaiting_approval',
      timeline: [{ kind: 'change_proposed' }],
    });
    const log = pino({ level: 'silent' });
    await followOpenChanges(ctx, {
      everyMs: 2_000,
      slowMs: 60_000,
      signal: new AbortController().signal,
      log,
      lastAsked: new Map(),
    });
    expect((await getChangeWithTimeline(db, passed.id)).data).toMatchObject({
      state: 'expired',
      timeline: [{ kind: 'change_proposed' }, { kind: 'change_expired', actor: null }],
    });
    expect(await rejection(approve(approved.id))).toMatchObject({ status: 409, code: 'change_not_awaiting' });
    expect(await kindsAndActors(approved.id)).toEqual([
      ['change_proposed', 'alice'],
      ['change_expired', null],
    ]);
    for (const key of [onPass, onApprove]) expect((await propose(key)).state).toBe('awaiting_approval');
    expect(patchesTo(onApprove)).toEqual([]);
    const listed = await listChanges(db, { state: 'all', pageSize: 100 });
    expect(listed.data.filter((c) => c.id === passed.id).map((c) => c.state)).toEqual(['expired']);
  });

  it('an approval checked before the expiry but reaching the database after it does not land: expired, nothing sent', async () => {
    const apiKeyId = takeKey();
    const change = await propose(apiKeyId, { ttlMs: 1_500 });
    // The drift guard's live read is slow: the approval passed its checks in time, its UPDATE comes too late.
    suite.sim.setFaults({
      latencyMs: 2_500,
      times: 1,
      match: { method: 'GET', pathPrefix: `/v1/cosigners/${BIG}/api_keys/${apiKeyId}` },
    });
    const started = Date.now();
    const error = await rejection(approve(change.id));
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(error).toMatchObject({ status: 409, code: 'change_not_awaiting', changeId: change.id });
    expect(error.message).toMatch(/expired/);
    expect((await readChange(db, change.id))?.state).toBe('expired');
    expect(await kindsAndActors(change.id)).toEqual([
      ['change_proposed', 'alice'],
      ['change_expired', null],
    ]);
    expect(patchesTo(apiKeyId)).toEqual([]);
  });

  it('the edit gate refuses an archived or too-old cosigner with 409 before anything is recorded', async () => {
    const seed = buildSeed(1);
    for (const [name, code] of [
      ['Legacy Treasury SGX', 'cosigner_archived'],
      ['Branch Office SGX', 'cosigner_version_too_old'],
    ] as const) {
      const gated = seed.find((c) => c.cosigner.name === name);
      const apiKeyId = gated?.keys[0]?.id ?? '';
      expect(await rejection(propose(apiKeyId, { cosignerId: gated?.cosigner.id ?? '' }))).toMatchObject({
        status: 409,
        code,
      });
      expect(await db.kysely.selectFrom('changes').select('id').where('api_key_id', '=', apiKeyId).execute()).toEqual(
        [],
      );
      expect(patchesTo(apiKeyId)).toEqual([]);
    }
  });

  it("an archived cosigner answers its 409 even when the key's own read fails, whichever comes back first", async () => {
    const archived = buildSeed(1).find((c) => c.cosigner.name === 'Legacy Treasury SGX');
    for (let i = 0; i < 5; i++) {
      expect(await rejection(propose(randomUUID(), { cosignerId: archived?.cosigner.id ?? '' }))).toMatchObject({
        status: 409,
        code: 'cosigner_archived',
      });
    }
  });
});

describe('stepUpSecondsLeft', () => {
  it('is the whole seconds until a sign-in is too old to approve with; 0 when it is, or when its time is unknown', () => {
    const now = 1_000_000_000;
    expect(stepUpSecondsLeft(now, 300, now)).toBe(300);
    // Rounded up: 7.5 s left is 8, so a countdown from it reaches 0 no earlier than the server's refusal.
    expect(stepUpSecondsLeft(now - 292_500, 300, now)).toBe(8);
    expect(stepUpSecondsLeft(now - 299_900, 300, now)).toBe(1);
    expect(stepUpSecondsLeft(now - 300_000, 300, now)).toBe(0);
    expect(stepUpSecondsLeft(now - 3_600_000, 300, now)).toBe(0);
    expect(stepUpSecondsLeft(null, 300, now)).toBe(0);
  });
});
