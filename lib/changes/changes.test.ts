import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { appendAuditEvent } from '@/lib/audit/append';
import { verifyDatabaseChain } from '@/lib/audit/read';
import { spkiFingerprint } from '@/lib/callback-handler/fingerprint';
import { type Db } from '@/lib/db/connect';
import { insertChange } from '@/lib/db/insert-change';
import { transaction } from '@/lib/db/transaction';
import { rsaTestKey } from '@/testing/fixtures/keys';
import { ALICE, BOB, changeSuite, rejection } from '@/testing/upstream/change-suite';
import { TEST_ENGINES } from '@/testing/db/test-databases';
import { seedSummary } from '@/sim/index';

import type { ChangeContext } from './change-context';
import { followChange, REQUEST_NOT_FOUND_GRACE_MS } from './follow-change';
import { markUnknownChangeFailed } from './mark-unknown-failed';
import { proposeChange } from './propose-change';
import { listChanges } from './read-changes';
import { reconcileChange, SENDING_DEADLINE_MS } from './reconcile-change';
import { recordRequestStatus } from './record-request-status';
import { sendChange, type SentChange } from './send-change';
import { readChange } from './transition-change';

// The change record's state machine against the real simulator and a real database on both engines.
const API_KEY = 'c0ffee00-1234-4abc-8def-0000000000c1';
const handlerPem = rsaTestKey(2048).publicPem;
const BIG = seedSummary().bigCosignerId;
const anyString: unknown = expect.any(String);
const anyNumber: unknown = expect.any(Number);
const stringContaining = (text: string): unknown => expect.stringContaining(text);
const suite = changeSuite(API_KEY);

async function forceRequest(requestId: string, action: 'approve' | 'complete'): Promise<void> {
  const res = await fetch(`${suite.sim.url}/_sim/requests/${requestId}/${action}`, { method: 'POST' });
  expect(res.status).toBe(200);
}

async function pendingRequestOf(apiKeyId: string): Promise<string> {
  const list = (await (await fetch(`${suite.sim.url}/_sim/requests`)).json()) as Array<{
    id: string;
    apiKeyId: string;
    status: string;
  }>;
  const found = list.find((r) => r.apiKeyId === apiKeyId && r.status === 'WAITING_FOR_APPROVAL');
  if (!found) throw new Error(`no pending request for ${apiKeyId}`);
  return found.id;
}

describe.each(TEST_ENGINES)('changes on %s', (engine) => {
  let db: Db;
  let ctx: ChangeContext;
  suite.freshContextForEachTest(engine, (fresh) => ({ db, ctx } = fresh));

  const { takeKey, patchesTo } = suite;
  // CHANGE_APPROVALS=0: sent at once (the approval flow: approvals.test.ts).
  const propose = async (apiKeyId: string, actor = ALICE): Promise<SentChange> => {
    const proposed = await proposeChange(ctx, {
      cosignerId: BIG,
      apiKeyId,
      callbackHandler: { url: `https://callbacks.example.com/${apiKeyId}`, publicKey: handlerPem },
      reason: 'rotate the handler key',
      actor,
      requestId: randomUUID(),
      approvals: 0,
      ttlMs: 60_000,
    });
    if (!proposed.sent) throw new Error('with CHANGE_APPROVALS=0 the change is sent at once');
    return proposed;
  };
  const eventsOf = (changeId: string) =>
    db.kysely.selectFrom('audit_events').selectAll().where('change_id', '=', changeId).orderBy('seq').execute();
  const kindsOf = async (changeId: string) => (await eventsOf(changeId)).map((e) => e.kind);

  it('records the change and its proposal before the PATCH leaves, then `sent` with the Fireblocks ids', async () => {
    const apiKeyId = takeKey();
    suite.sim.setFaults({ latencyMs: 500, times: 1, match: { method: 'PATCH' } });
    const sending = propose(apiKeyId);
    // While the simulator holds the PATCH, the change and its event are already committed.
    let held;
    for (let i = 0; i < 100 && !held; i++) {
      held = await db.kysely.selectFrom('changes').selectAll().where('api_key_id', '=', apiKeyId).executeTakeFirst();
      if (!held) await sleep(10);
    }
    expect(held?.state).toBe('sending');
    expect(await kindsOf(held?.id ?? '')).toEqual(['change_proposed']);
    expect(patchesTo(apiKeyId)).toEqual([]);

    const sent = await sending;
    expect(sent.change).toMatchObject({
      id: held?.id,
      state: 'sent',
      fireblocks_request_id: sent.requestId,
      fireblocks_x_request_id: sent.fireblocksRequestId,
      reason: 'rotate the handler key',
    });
    expect(JSON.parse(sent.change.after_handler)).toMatchObject({
      mode: 'publicKey',
      publicKey: handlerPem,
      publicKeyFingerprint: spkiFingerprint(handlerPem),
    });
    const events = await eventsOf(sent.change.id);
    expect(events.map((e) => e.kind)).toEqual(['change_proposed', 'change_sent']);
    const [proposed, sentEvent] = events;
    expect(JSON.parse(proposed?.actor ?? 'null')).toEqual(ALICE);
    expect(JSON.parse(proposed?.after ?? 'null')).toEqual({
      url: `https://callbacks.example.com/${apiKeyId}`,
      mode: 'publicKey',
      publicKeyFingerprint: spkiFingerprint(handlerPem),
    });
    expect(JSON.parse(proposed?.detail ?? 'null')).toEqual({ reason: 'rotate the handler key' });
    expect(sentEvent).toMatchObject({
      fireblocks_async_request_id: sent.requestId,
      fireblocks_request_id: sent.fireblocksRequestId,
    });
    // Fingerprints only: no PEM text in any event.
    for (const e of events) expect(JSON.stringify(e)).not.toContain('BEGIN');
    expect(await verifyDatabaseChain(db)).toMatchObject({ ok: true, count: 2 });
  });

  it('refuses a second change while the key has an open one (409 change_open naming it) and sends nothing', async () => {
    const apiKeyId = takeKey();
    const first = await propose(apiKeyId);
    suite.sim.clearLog();
    const error = await rejection(propose(apiKeyId, BOB));
    expect(error).toMatchObject({ status: 409, code: 'change_open', changeId: first.change.id });
    expect(patchesTo(apiKeyId)).toEqual([]);
    expect(
      await db.kysely.selectFrom('changes').select('id').where('api_key_id', '=', apiKeyId).execute(),
    ).toHaveLength(1);
  });

  it('follows a sent change: each new Fireblocks status once, the final one closes it and frees the key', async () => {
    const apiKeyId = takeKey();
    const { change, requestId } = await propose(apiKeyId);
    let row = await followChange(ctx, change);
    row = await followChange(ctx, row);
    expect(row).toMatchObject({ state: 'sent', last_fireblocks_status: 'WAITING_FOR_APPROVAL' });
    await forceRequest(requestId, 'approve');
    row = await followChange(ctx, row);
    expect(row.state).toBe('completed');
    expect(row.closed_at).toEqual(anyString);
    const events = await eventsOf(change.id);
    expect(
      events.map((e) => [
        e.kind,
        (JSON.parse(e.detail ?? 'null') as { fireblocksStatus?: string } | null)?.fireblocksStatus,
      ]),
    ).toEqual([
      ['change_proposed', undefined],
      ['change_sent', undefined],
      ['change_status', 'WAITING_FOR_APPROVAL'],
      ['change_completed', 'COMPLETED'],
    ]);
    // Closed, the change no longer holds the key.
    expect((await propose(apiKeyId)).change.state).toBe('sent');
  });

  it('a sent change whose request Fireblocks does not know (404) becomes `unknown`, settled by the live handler', async () => {
    const apiKeyId = takeKey();
    const { change, requestId } = await propose(apiKeyId);
    // The change names a request Fireblocks never had (as after a restore of the database from elsewhere).
    await db.kysely
      .updateTable('changes')
      .set({ fireblocks_request_id: randomUUID() })
      .where('id', '=', change.id)
      .execute();
    // Just sent, a 404 may only mean "not readable yet": the change stays `sent`, with no event.
    let row = await followChange(ctx, (await readChange(db, change.id))!);
    expect(row.state).toBe('sent');
    expect(await kindsOf(change.id)).toEqual(['change_proposed', 'change_sent']);
    // Past the grace period, Fireblocks not knowing it makes the outcome unknown.
    await db.kysely
      .updateTable('changes')
      .set({ updated_at: new Date(Date.now() - REQUEST_NOT_FOUND_GRACE_MS - 1_000).toISOString() })
      .where('id', '=', change.id)
      .execute();
    row = await followChange(ctx, (await readChange(db, change.id))!);
    expect(row).toMatchObject({ state: 'unknown', last_fireblocks_status: 'NOT_FOUND', closed_at: null });
    const [, , notFound] = await eventsOf(change.id);
    expect(notFound?.kind).toBe('change_unknown');
    expect(JSON.parse(notFound?.detail ?? 'null')).toMatchObject({ reason: 'request_not_found' });
    // Nothing to follow: the live handler decides, once the (real) request is applied.
    row = await reconcileChange(ctx, row);
    expect(row.state).toBe('unknown');
    await forceRequest(requestId, 'complete');
    row = await reconcileChange(ctx, row);
    expect(row.state).toBe('completed');
    expect(await kindsOf(change.id)).toEqual(['change_proposed', 'change_sent', 'change_unknown', 'change_reconciled']);
  });

  it('two replicas recording the same observation append one event (the version decides)', async () => {
    const apiKeyId = takeKey();
    const { change } = await propose(apiKeyId);
    const results = await Promise.all(
      [1, 2, 3].map(() => recordRequestStatus(db, change, { status: 'WAITING_FOR_APPROVAL' })),
    );
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([change.version + 1]));
    expect(await kindsOf(change.id)).toEqual(['change_proposed', 'change_sent', 'change_status']);
  });

  it('a refusal by Fireblocks (4xx) is `failed` with its error, and frees the key', async () => {
    const apiKeyId = takeKey();
    suite.sim.setFaults({ status: 409, times: 1, match: { method: 'PATCH' } });
    const error = await rejection(propose(apiKeyId));
    expect(error).toMatchObject({ status: 409, code: 'conflict', changeId: anyString });
    const failed = await readChange(db, error.changeId ?? '');
    expect(failed).toMatchObject({ state: 'failed', decided_reason: stringContaining('Injected fault') });
    const [, failedEvent] = await eventsOf(failed?.id ?? '');
    expect(failedEvent?.kind).toBe('change_failed');
    expect(JSON.parse(failedEvent?.detail ?? 'null')).toMatchObject({
      status: 409,
      code: anyNumber,
      message: stringContaining('Injected fault'),
    });
    expect(failedEvent?.fireblocks_request_id).toEqual(anyString);
    expect((await propose(apiKeyId)).change.state).toBe('sent');
  });

  it.each([500, 502, 503, 504])(
    'a %i on the PATCH is `unknown` (a proxy may answer it after Fireblocks accepted), never `failed`: the key stays held',
    async (status) => {
      const apiKeyId = takeKey();
      suite.sim.setFaults({ status, times: 1, match: { method: 'PATCH' } });
      const error = await rejection(propose(apiKeyId));
      expect(error).toMatchObject({ status: 502, code: 'upstream_error', changeId: anyString });
      expect(error.message).toMatch(/outcome unknown: check before retrying/);
      const row = await readChange(db, error.changeId ?? '');
      expect(row?.state).toBe('unknown');
      const [, unknownEvent] = await eventsOf(row?.id ?? '');
      expect(unknownEvent?.kind).toBe('change_unknown');
      expect(JSON.parse(unknownEvent?.detail ?? 'null')).toMatchObject({ reason: `http_${status}` });
      // The key is held: no second change until this one is reconciled, and nothing was sent again.
      expect(await rejection(propose(apiKeyId, BOB))).toMatchObject({ status: 409, code: 'change_open' });
      expect(patchesTo(apiKeyId)).toHaveLength(1);
    },
  );

  it('no answer after Fireblocks accepted: `unknown`, never resent, then reconciled once the live handler shows it', async () => {
    const apiKeyId = takeKey();
    suite.sim.setFaults({ dropAfterHandling: true, times: 1, match: { method: 'PATCH' } });
    const error = await rejection(propose(apiKeyId));
    expect(error).toMatchObject({ status: 502, changeId: anyString });
    expect(error.message).toMatch(/outcome unknown: check before retrying/);
    let row = await readChange(db, error.changeId ?? '');
    expect(row?.state).toBe('unknown');
    // The request waits in Fireblocks: the live handler is still the old one, so nothing can be said yet.
    row = await reconcileChange(ctx, row!);
    expect(row.state).toBe('unknown');
    await forceRequest(await pendingRequestOf(apiKeyId), 'complete');
    row = await reconcileChange(ctx, row);
    expect(row.state).toBe('completed');
    expect(await kindsOf(row.id)).toEqual(['change_proposed', 'change_unknown', 'change_reconciled']);
    expect(patchesTo(apiKeyId)).toHaveLength(1);
  });

  it('a drop before Fireblocks handled it stays `unknown`; an admin who checked marks it failed, freeing the key', async () => {
    const apiKeyId = takeKey();
    suite.sim.setFaults({ drop: true, times: 1, match: { method: 'PATCH' } });
    const error = await rejection(propose(apiKeyId));
    const unknown = await reconcileChange(ctx, (await readChange(db, error.changeId ?? ''))!);
    expect(unknown.state).toBe('unknown');
    expect(await rejection(propose(apiKeyId, BOB))).toMatchObject({
      status: 409,
      code: 'change_open',
      changeId: unknown.id,
    });

    const failed = await markUnknownChangeFailed(db, {
      changeId: unknown.id,
      actor: BOB,
      reason: 'No pending request in the Fireblocks Console',
      requestId: randomUUID(),
    });
    expect(failed).toMatchObject({ state: 'failed', decided_reason: 'No pending request in the Fireblocks Console' });
    const last = (await eventsOf(unknown.id)).at(-1);
    expect(last?.kind).toBe('change_reconciled');
    expect(JSON.parse(last?.actor ?? 'null')).toEqual(BOB);
    expect(
      await rejection(
        markUnknownChangeFailed(db, { changeId: unknown.id, actor: BOB, reason: 'again', requestId: randomUUID() }),
      ),
    ).toMatchObject({ status: 409 });
    expect((await propose(apiKeyId)).change.state).toBe('sent');
    expect(await verifyDatabaseChain(db)).toMatchObject({ ok: true });
  });

  it('a `sending` change whose sender is gone becomes `unknown` after the deadline, not before', async () => {
    const apiKeyId = takeKey();
    const createdAt = new Date(Date.now() - SENDING_DEADLINE_MS - 1000).toISOString();
    const row = await transaction(db, async (tx) => {
      const inserted = await insertChange(tx, {
        id: randomUUID(),
        cosigner_id: BIG,
        api_key_id: apiKeyId,
        state: 'sending',
        proposer: JSON.stringify(ALICE),
        proposer_sub: ALICE.sub,
        before_handler: 'null',
        after_handler: JSON.stringify({
          url: 'https://callbacks.example.com/gone',
          mode: 'publicKey',
          publicKey: handlerPem,
        }),
        created_at: createdAt,
        updated_at: createdAt,
      });
      await appendAuditEvent(tx, {
        kind: 'change_proposed',
        actor: ALICE,
        changeId: inserted.id,
        cosignerId: BIG,
        apiKeyId,
      });
      return inserted;
    });
    expect((await reconcileChange(ctx, row, { now: Date.parse(createdAt) + 1000 })).state).toBe('sending');
    const after = await reconcileChange(ctx, row);
    expect(after.state).toBe('unknown');
    expect(await kindsOf(row.id)).toEqual(['change_proposed', 'change_unknown']);
  });

  it('the `sending` deadline counts from when the PATCH really leaves: a change held up before it is not marked unknown in flight', async () => {
    const apiKeyId = takeKey();
    // It entered `sending` 14 s ago (a write lock and the upstream gate held it up), and its PATCH takes 3 s.
    const enteredAt = new Date(Date.now() - SENDING_DEADLINE_MS + 1_000).toISOString();
    const after = { url: 'https://callbacks.example.com/in-flight', mode: 'publicKey' as const, publicKey: handlerPem };
    const row = await transaction(db, async (tx) => {
      const inserted = await insertChange(tx, {
        id: randomUUID(),
        cosigner_id: BIG,
        api_key_id: apiKeyId,
        state: 'sending',
        proposer: JSON.stringify(ALICE),
        proposer_sub: ALICE.sub,
        before_handler: 'null',
        after_handler: JSON.stringify(after),
        created_at: enteredAt,
        updated_at: enteredAt,
      });
      await appendAuditEvent(tx, {
        kind: 'change_proposed',
        actor: ALICE,
        changeId: inserted.id,
        cosignerId: BIG,
        apiKeyId,
      });
      return inserted;
    });
    suite.sim.setFaults({ latencyMs: 3_000, times: 1, match: { method: 'PATCH' } });
    const sending = sendChange(ctx, { cosignerId: BIG, apiKeyId, after }, Promise.resolve(row), randomUUID());
    await sleep(1_500);
    // The background worker looks at it while the PATCH is in flight, past 15 s after it entered `sending`.
    const seen = await reconcileChange(ctx, (await readChange(db, row.id))!);
    expect(seen.state).toBe('sending');
    expect((await sending).change.state).toBe('sent');
    expect(await kindsOf(row.id)).toEqual(['change_proposed', 'change_sent']);
    expect(patchesTo(apiKeyId)).toHaveLength(1);
  });

  it('lists changes newest first with keyset paging and state filters', async () => {
    const open = await propose(takeKey());
    const done = await propose(takeKey());
    await forceRequest(done.requestId, 'complete');
    await followChange(ctx, done.change);
    const third = await propose(takeKey());
    const page1 = await listChanges(db, { state: 'all', pageSize: 2 });
    expect(page1.data.map((c) => c.id)).toEqual([third.change.id, done.change.id]);
    const page2 = await listChanges(db, { state: 'all', pageSize: 2, pageCursor: page1.next ?? '' });
    expect(page2).toMatchObject({ data: [{ id: open.change.id }], next: null });
    expect((await listChanges(db, { state: 'closed', pageSize: 10 })).data.map((c) => c.id)).toEqual([done.change.id]);
    expect(
      (await listChanges(db, { state: 'open', pageSize: 10, apiKeyId: open.change.api_key_id })).data.map((c) => c.id),
    ).toEqual([open.change.id]);
    expect(await rejection(listChanges(db, { state: 'all', pageSize: 2, pageCursor: 'garbage' }))).toMatchObject({
      status: 400,
    });
  });
});
