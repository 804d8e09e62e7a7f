import { randomUUID } from 'node:crypto';

import pino from 'pino';
import { describe, expect, it } from 'vitest';

import { type Db } from '@/lib/db/connect';
import { rsaTestKey } from '@/testing/fixtures/keys';
import { ALICE, changeSuite } from '@/testing/upstream/change-suite';
import { TEST_ENGINES } from '@/testing/db/test-databases';
import { seedSummary } from '@/sim/index';

import type { ChangeContext } from './change-context';
import { FollowChangesError, followCadenceFor, followOpenChanges, RECENT_MS } from './follow-open-changes';
import { proposeChange } from './propose-change';
import { readChange } from './transition-change';

// The background worker's pass over open changes, against the real simulator and a real database on both engines:
// every open change is brought up to date with no one looking, Fireblocks is asked at the cadence, and a change that
// cannot be followed neither stops the others nor goes unreported.
const API_KEY = 'c0ffee00-1234-4abc-8def-0000000000f1';
const handlerPem = rsaTestKey(2048).publicPem;
const BIG = seedSummary().bigCosignerId;
const suite = changeSuite(API_KEY);
const log = pino({ level: 'silent' });

describe('followCadenceFor', () => {
  it('passes every 2 s (the interval when shorter); a quiet change asked once per interval, a minute when off', () => {
    expect(followCadenceFor(60_000)).toEqual({ everyMs: 2_000, slowMs: 60_000 });
    expect(followCadenceFor(1_000)).toEqual({ everyMs: 1_000, slowMs: 1_000 });
    expect(followCadenceFor(0)).toEqual({ everyMs: 2_000, slowMs: 60_000 });
  });
});

describe.each(TEST_ENGINES)('following open changes on %s', (engine) => {
  let db: Db;
  let ctx: ChangeContext;
  suite.freshContextForEachTest(engine, (fresh) => ({ db, ctx } = fresh));

  const sendNow = async (apiKeyId: string) => {
    const proposed = await proposeChange(ctx, {
      cosignerId: BIG,
      apiKeyId,
      callbackHandler: { url: `https://callbacks.example.com/${apiKeyId}`, publicKey: handlerPem },
      actor: ALICE,
      requestId: randomUUID(),
      approvals: 0,
      ttlMs: 60_000,
    });
    if (!proposed.sent) throw new Error('with CHANGE_APPROVALS=0 a change is sent at once');
    return proposed;
  };
  const statusReads = (apiKeyId: string) =>
    suite.sim
      .requestLog()
      .filter((e) => e.method === 'GET' && e.path.startsWith(`/v1/cosigners/${BIG}/api_keys/${apiKeyId}/`)).length;
  const kindsOf = async (changeId: string) =>
    (
      await db.kysely
        .selectFrom('audit_events')
        .select('kind')
        .where('change_id', '=', changeId)
        .orderBy('seq')
        .execute()
    ).map((e) => e.kind);
  const pass = (lastAsked: Map<string, number>, now?: number) =>
    followOpenChanges(ctx, {
      everyMs: 2_000,
      slowMs: 60_000,
      signal: new AbortController().signal,
      log,
      lastAsked,
      now,
    });
  const request = async (requestId: string, action: 'approve' | 'complete') =>
    expect((await fetch(`${suite.sim.url}/_sim/requests/${requestId}/${action}`, { method: 'POST' })).status).toBe(200);

  it('a sent change is followed to `completed` by passes alone, one event per status', async () => {
    const apiKeyId = suite.takeKey();
    const { change, requestId } = await sendNow(apiKeyId);
    const asked = new Map<string, number>();
    const t0 = Date.now();
    expect(await pass(asked, t0)).toBe(0);
    expect((await readChange(db, change.id))?.last_fireblocks_status).toBe('WAITING_FOR_APPROVAL');
    // Within the same pass interval, Fireblocks is not asked again.
    await pass(asked, t0 + 500);
    expect(statusReads(apiKeyId)).toBe(1);
    await request(requestId, 'complete');
    expect(await pass(asked, t0 + 2_000)).toBe(1);
    expect((await readChange(db, change.id))?.state).toBe('completed');
    expect(await kindsOf(change.id)).toEqual(['change_proposed', 'change_sent', 'change_status', 'change_completed']);
    // Closed: no longer read, and forgotten by the pass.
    await pass(asked, t0 + 4_000);
    expect(statusReads(apiKeyId)).toBe(2);
    expect(asked.size).toBe(0);
  });

  it('a change that has not moved for a while is asked about once per slow interval', async () => {
    const apiKeyId = suite.takeKey();
    const { change } = await sendNow(apiKeyId);
    const asked = new Map<string, number>();
    const quietSince = Date.now();
    await pass(asked, quietSince);
    const later = quietSince + RECENT_MS + 1_000;
    await pass(asked, later);
    expect(statusReads(apiKeyId)).toBe(2);
    for (const dt of [2_000, 30_000, 58_000]) await pass(asked, later + dt);
    expect(statusReads(apiKeyId)).toBe(2);
    await pass(asked, later + 60_000);
    expect(statusReads(apiKeyId)).toBe(3);
    expect((await readChange(db, change.id))?.state).toBe('sent');
  });

  it('an awaiting change past its expiry is expired, and an unknown one reconciled, in the same pass', async () => {
    const waiting = await proposeChange(ctx, {
      cosignerId: BIG,
      apiKeyId: suite.takeKey(),
      callbackHandler: { url: 'https://callbacks.example.com/waiting', publicKey: handlerPem },
      actor: ALICE,
      requestId: randomUUID(),
      approvals: 1,
      ttlMs: 1,
    });
    const lostKey = suite.takeKey();
    suite.sim.setFaults({ dropAfterHandling: true, times: 1, match: { method: 'PATCH' } });
    await sendNow(lostKey).catch(() => undefined);
    const lost = await db.kysely.selectFrom('changes').selectAll().where('api_key_id', '=', lostKey).executeTakeFirst();
    expect(lost?.state).toBe('unknown');
    const pending = (
      (await (await fetch(`${suite.sim.url}/_sim/requests`)).json()) as Array<{ id: string; apiKeyId: string }>
    ).find((r) => r.apiKeyId === lostKey);
    await request(pending?.id ?? '', 'complete');

    expect(await pass(new Map())).toBe(2);
    expect((await readChange(db, waiting.change.id))?.state).toBe('expired');
    expect((await readChange(db, lost?.id ?? ''))?.state).toBe('completed');
    expect(await kindsOf(lost?.id ?? '')).toEqual(['change_proposed', 'change_unknown', 'change_reconciled']);
  });

  it('a change Fireblocks will not answer about fails the pass, by count, while the others are still followed', async () => {
    const [broken, fine] = [suite.takeKey(), suite.takeKey()];
    const a = await sendNow(broken);
    const b = await sendNow(fine);
    await request(b.requestId, 'complete');
    suite.sim.setFaults({
      status: 500,
      match: { method: 'GET', pathPrefix: `/v1/cosigners/${BIG}/api_keys/${broken}/` },
    });
    const error = await pass(new Map()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FollowChangesError);
    expect(error).toMatchObject({ code: 'follow_failed' });
    expect((error as Error).message).toContain(`Could not follow 1 of 2 open changes; first, change ${a.change.id}`);
    expect((await readChange(db, b.change.id))?.state).toBe('completed');
    expect((await readChange(db, a.change.id))?.state).toBe('sent');
    suite.sim.clearFaults();
    expect(await pass(new Map())).toBe(0);
  });

  it('an aborted pass stops before the next change', async () => {
    await sendNow(suite.takeKey());
    const stop = new AbortController();
    stop.abort();
    suite.sim.clearLog();
    await followOpenChanges(ctx, { everyMs: 2_000, slowMs: 60_000, signal: stop.signal, log, lastAsked: new Map() });
    expect(suite.sim.requestLog()).toEqual([]);
  });
});
