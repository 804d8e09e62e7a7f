import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { verifyDatabaseChain } from '@/lib/audit/read';
import type { Db } from '@/lib/db/connect';
import type { PreflightMode, PreflightResult } from '@/lib/preflight/preflight-schemas';
import { runPreflight } from '@/lib/preflight/run-preflight';
import type { PreflightPolicy } from '@/lib/preflight/preflight-policy';
import { ALICE, BOB, changeSuite, rejection } from '@/testing/upstream/change-suite';
import {
  selfSignedCertificate,
  startTlsServer,
  type ServedCertificate,
  type TlsTestServer,
} from '@/testing/upstream/tls-servers';
import { TEST_ENGINES } from '@/testing/db/test-databases';
import { seedSummary } from '@/sim/index';

import { approveChange } from './approve-change';
import type { ChangeContext } from './change-context';
import { changeFromRow } from './change-rows';
import { recheckChange } from './preflight-change';
import { proposeChange } from './propose-change';
import { readChange } from './transition-change';

// The check of a change's target on proposal, at approval and on demand, against a real TLS server on loopback
// whose certificate the tests switch, the real simulator and a real database on both engines.
const API_KEY = 'c0ffee00-1234-4abc-8def-0000000000a3';
const BIG = seedSummary().bigCosignerId;
const suite = changeSuite(API_KEY);

let pinnedCert: ServedCertificate;
let otherCert: ServedCertificate;
let server: TlsTestServer;

beforeAll(async () => {
  [pinnedCert, otherCert] = await Promise.all([
    selfSignedCertificate({ ips: ['127.0.0.1'] }),
    selfSignedCertificate({ ips: ['127.0.0.1'] }),
  ]);
  server = await startTlsServer(otherCert);
});
afterAll(() => server?.close());

/** The deployment's policy as getChangeContext builds it, with the test stack's rule (loopback may be probed). */
const policy = (mode: PreflightMode): PreflightPolicy => ({
  mode,
  check: (target) => runPreflight(target, { simulated: true, extraCaPems: [] }),
});

describe.each(TEST_ENGINES)('pre-flight of a change on %s', (engine) => {
  let db: Db;
  let base: ChangeContext;
  suite.freshContextForEachTest(engine, (fresh) => ({ db, ctx: base } = fresh));
  const { takeKey, patchesTo } = suite;
  const url = () => `https://127.0.0.1:${server.port}/fireblocks`;

  const propose = async (ctx: ChangeContext, apiKeyId: string, approvals: 0 | 1 = 1) =>
    proposeChange(ctx, {
      cosignerId: BIG,
      apiKeyId,
      callbackHandler: { url: url(), cert: pinnedCert.certPem },
      actor: ALICE,
      requestId: randomUUID(),
      approvals,
      ttlMs: 3_600_000,
    });
  const proposed = async (ctx: ChangeContext, apiKeyId: string) => {
    const result = await propose(ctx, apiKeyId);
    if (result.sent) throw new Error('with CHANGE_APPROVALS=1 nothing is sent at once');
    return result.change;
  };
  const approve = (ctx: ChangeContext, changeId: string) =>
    approveChange(ctx, {
      changeId,
      actor: BOB,
      authTime: Date.now(),
      stepUpMaxAgeSeconds: 300,
      requestId: randomUUID(),
    });
  const events = (changeId: string) =>
    db.kysely.selectFrom('audit_events').selectAll().where('change_id', '=', changeId).orderBy('seq').execute();
  const preflightIn = (detail: string | null) =>
    (JSON.parse(detail ?? 'null') as { preflight?: PreflightResult } | null)?.preflight;

  it('block: a failing check is on the proposal and its event, refuses the approval, and a fresh pass lets it send', async () => {
    server.setCertificate(otherCert);
    const ctx = { ...base, preflight: policy('block') };
    const apiKeyId = takeKey();
    const change = await proposed(ctx, apiKeyId);
    const onProposal = changeFromRow(change).preflight;
    expect(onProposal).toMatchObject({ verdict: 'fail', findings: [{ code: 'pin_mismatch' }] });
    expect(preflightIn((await events(change.id))[0]?.detail ?? null)).toEqual(onProposal);

    const refused = await rejection(approve(ctx, change.id));
    expect(refused).toMatchObject({ status: 409, code: 'preflight_failed', changeId: change.id });
    expect(refused.message).toBe(
      `Not approved: The server at 127.0.0.1:${server.port} presents a different certificate from the one pinned: the Co-Signer will refuse it. Fix the handler or its server, then check again.`,
    );
    const afterRefusal = await readChange(db, change.id);
    expect(afterRefusal?.state).toBe('awaiting_approval');
    expect(afterRefusal?.version).toBe(change.version);
    // The check the refusal was made with, fresh, is what the page now shows.
    expect(Date.parse(changeFromRow(afterRefusal!).preflight?.checkedAt ?? '')).toBeGreaterThan(
      Date.parse(onProposal?.checkedAt ?? ''),
    );
    expect(patchesTo(apiKeyId)).toEqual([]);

    server.setCertificate(pinnedCert);
    const rechecked = await recheckChange(ctx, { changeId: change.id, actor: ALICE });
    expect(rechecked.data).toMatchObject({ state: 'awaiting_approval', preflight: { verdict: 'pass', findings: [] } });

    const sent = await approve(ctx, change.id);
    expect(sent.change.state).toBe('sent');
    expect(patchesTo(apiKeyId)).toHaveLength(1);
    const approved = (await events(change.id)).find((e) => e.kind === 'change_approved');
    expect(preflightIn(approved?.detail ?? null)).toMatchObject({ verdict: 'pass' });
    expect(changeFromRow(sent.change).preflight).toMatchObject({ verdict: 'pass' });
    expect(await verifyDatabaseChain(db)).toMatchObject({ ok: true });
  });

  it('warn: a failing check is shown and recorded but does not refuse the approval', async () => {
    server.setCertificate(otherCert);
    const ctx = { ...base, preflight: policy('warn') };
    const apiKeyId = takeKey();
    const change = await proposed(ctx, apiKeyId);
    const sent = await approve(ctx, change.id);
    expect(sent.change.state).toBe('sent');
    const approved = (await events(change.id)).find((e) => e.kind === 'change_approved');
    expect(JSON.parse(approved?.detail ?? '{}')).toMatchObject({
      message: 'Approved although the pre-flight check failed (PREFLIGHT=warn); sending to Fireblocks.',
      preflight: { verdict: 'fail' },
    });
  });

  it('off: nothing is probed, nothing recorded, and a check on demand is refused', async () => {
    const ctx = { ...base, preflight: policy('off') };
    const handshakes = server.handshakes();
    const change = await proposed(ctx, takeKey());
    expect(change.preflight).toBeNull();
    expect(await rejection(recheckChange(ctx, { changeId: change.id, actor: BOB }))).toMatchObject({
      status: 409,
      code: 'conflict',
    });
    const sent = await approve(ctx, change.id);
    expect(sent.change.preflight).toBeNull();
    expect(server.handshakes()).toBe(handshakes);
  });

  it('with CHANGE_APPROVALS=0 the proposal is its own approval: a failing check is a 409 and nothing is recorded or sent', async () => {
    server.setCertificate(otherCert);
    const ctx = { ...base, preflight: policy('block') };
    const apiKeyId = takeKey();
    expect(await rejection(propose(ctx, apiKeyId, 0))).toMatchObject({ status: 409, code: 'preflight_failed' });
    expect(await db.kysely.selectFrom('changes').selectAll().where('api_key_id', '=', apiKeyId).execute()).toEqual([]);
    expect(patchesTo(apiKeyId)).toEqual([]);
  });

  it('a check on demand needs a change awaiting approval (any admin, its proposer too)', async () => {
    server.setCertificate(pinnedCert);
    const ctx = { ...base, preflight: policy('block') };
    const change = await proposed(ctx, takeKey());
    expect((await recheckChange(ctx, { changeId: change.id, actor: ALICE })).data.preflight?.verdict).toBe('pass');
    await approve(ctx, change.id);
    expect(await rejection(recheckChange(ctx, { changeId: change.id, actor: BOB }))).toMatchObject({
      status: 409,
      code: 'change_not_awaiting',
    });
    expect(await rejection(recheckChange(ctx, { changeId: randomUUID(), actor: BOB }))).toMatchObject({ status: 404 });
  });
});
