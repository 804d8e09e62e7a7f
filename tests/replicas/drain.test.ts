import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, expect, it } from 'vitest';

import type { ChangeResponse } from '@/lib/changes/change-api-schemas';
import { DRAIN_DEADLINE_MS } from '@/lib/lifecycle/drain';
import { validCertPem } from '@/testing/fixtures/pem-fixtures';
import { stopOwnPostgres } from '@/testing/db/test-databases';
import { buildSeed, DEFAULT_SEED, seedSummary } from '@/sim/index';

import { GOOD_URL } from '../../testing/app/bad-input-cases';
import { callApi } from '../../testing/app/api-client';
import { replicaPort, startReplicas, type Replicas } from '../../testing/app/replicas';
import { ALICE } from '../../testing/app/session-cookie';

// SIGTERM drains a replica: new changes are refused (503 draining, Retry-After), both proposals and approvals, and
// /api/ready answers 503 so a load balancer moves traffic, while the approval already in flight (its PATCH held by
// Fireblocks) finishes and is answered; then the process exits, well within the drain deadline.
let r: Replicas;

beforeAll(async () => {
  r = await startReplicas({ name: 'drain', ports: [replicaPort(4)] });
}, 600_000);

afterAll(async () => {
  await r?.close();
  await stopOwnPostgres();
});

it('SIGTERM: no new changes or approvals, /api/ready 503, the change in flight completes, then the process exits', async () => {
  const [app] = r.apps;
  const appUrl = app?.appUrl ?? '';
  const cosignerId = seedSummary().bigCosignerId;
  const [held = '', waiting = '', refused = ''] =
    buildSeed(DEFAULT_SEED)
      .find((d) => d.cosigner.id === cosignerId)
      ?.keys.slice(-3)
      .map((k) => k.id) ?? [];
  const proposer = await r.cookieFor(ALICE);
  const approver = await r.cookieFor({ ...ALICE, sub: 'bob', name: 'Bob Admin', email: 'bob@example.com' });
  const cert = await validCertPem();
  const propose = async (apiKeyId: string) =>
    callApi(appUrl, 'PATCH', `/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`, {
      cookie: proposer,
      body: JSON.stringify({ callbackHandler: { url: GOOD_URL, cert }, reason: 'drain test' }),
    });
  const approve = (changeId: string) =>
    callApi(appUrl, 'POST', `/api/changes/${changeId}/approve`, { cookie: approver, body: '{}' });
  const proposedId = async (apiKeyId: string) => {
    const answer = await propose(apiKeyId);
    expect(answer.status, answer.text).toBe(201);
    return (answer.json as { change: ChangeResponse }).change.id;
  };
  const stateOf = async (changeId: string) =>
    (await r.db.kysely.selectFrom('changes').select('state').where('id', '=', changeId).executeTakeFirst())?.state;
  expect((await callApi(appUrl, 'GET', '/api/ready')).status).toBe(200);
  const heldId = await proposedId(held);
  const waitingId = await proposedId(waiting);

  // Fireblocks holds the approved change's PATCH for 4 s.
  r.sim.setFaults({ latencyMs: 4_000, times: 1, match: { method: 'PATCH' } });
  const inFlight = approve(heldId).then((answer) => ({ answer, at: Date.now() }));
  for (let i = 0; i < 200 && (await stateOf(heldId)) !== 'sending'; i++) await sleep(25);
  // The PATCH leaves right after `sending` is committed; give it a moment to reach the simulator.
  await sleep(700);
  const signalled = Date.now();
  const exited = app?.kill('SIGTERM');
  await sleep(300);

  for (const answer of [await propose(refused), await approve(waitingId)]) {
    expect(answer.status, answer.text).toBe(503);
    expect((answer.json as { error: { code: string } }).error.code).toBe('draining');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  expect((await callApi(appUrl, 'GET', '/api/ready')).status).toBe(503);
  expect(await r.db.kysely.selectFrom('changes').select('id').where('api_key_id', '=', refused).execute()).toEqual([]);
  expect(await stateOf(waitingId)).toBe('awaiting_approval');

  const { answer: heldAnswer, at: answeredAt } = await inFlight;
  expect(heldAnswer.status, heldAnswer.text).toBe(202);
  expect((heldAnswer.json as { change: ChangeResponse }).change.state).toBe('sent');

  await exited;
  const exitedAt = Date.now();
  console.log(`drained and exited ${((exitedAt - signalled) / 1000).toFixed(1)} s after SIGTERM`);
  expect(exitedAt - signalled).toBeLessThan(DRAIN_DEADLINE_MS);
  // The PATCH was with Fireblocks when the signal came, and answered after it, before the exit.
  const patches = r.sim.requestLog().filter((e) => e.method === 'PATCH');
  expect(patches).toHaveLength(1);
  expect(Date.parse(patches[0]?.at ?? '')).toBeLessThan(signalled);
  expect(answeredAt).toBeGreaterThan(signalled);
  expect(answeredAt).toBeLessThanOrEqual(exitedAt);
}, 120_000);
