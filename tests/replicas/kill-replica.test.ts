import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { verifyDatabaseChain } from '@/lib/audit/read';
import { validCertPem } from '@/testing/fixtures/pem-fixtures';
import { stopOwnPostgres } from '@/testing/db/test-databases';
import { seedSummary } from '@/sim/index';

import { GOOD_URL } from '../../testing/app/bad-input-cases';
import { callApi } from '../../testing/app/api-client';
import { changeViewer, recordedChangeId } from '../../testing/app/change-view';
import { replicaPort, startReplicas, type Replicas } from '../../testing/app/replicas';
import { ALICE } from '../../testing/app/session-cookie';

// kill -9 of replica A while Fireblocks holds its PATCH: the change and its first audit event were committed before
// the PATCH left, so replica B, on the same database, finds it `sending`, gives it up as `unknown` once its sender is
// certainly gone, and reconciles it from the live handler once Fireblocks applies the request: B's background worker
// does, whether or not A held the worker's lease (it lapses within the WATCH_INTERVAL). Nothing is lost and nothing
// is sent twice. (tests/api/change-crash.test.ts drills the same crash on one replica restarting.)
let r: Replicas;

beforeAll(async () => {
  r = await startReplicas({
    name: 'kill',
    ports: [replicaPort(2), replicaPort(3)],
    env: { CHANGE_APPROVALS: '0', WATCH_INTERVAL: '5s' },
    // Fireblocks' requests wait for approval until the test completes them.
    delays: { approveMs: 600_000, completeMs: 1 },
  });
}, 600_000);

afterAll(async () => {
  await r?.close();
  await stopOwnPostgres();
});

it('kill -9 of the replica holding a PATCH upstream: the other replica records it `unknown`, then reconciles it', async () => {
  const { keyWithPublicKey: key } = seedSummary();
  const upstreamPath = `/v1/cosigners/${key.cosignerId}/api_keys/${key.apiKeyId}`;
  const [a, b] = r.apps;
  const cookie = await r.cookieFor(ALICE);

  // The simulator holds the PATCH for 4 s, then handles it (replica A is gone by then).
  r.sim.setFaults({ latencyMs: 4_000, times: 1, match: { method: 'PATCH' } });
  const body = JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: await validCertPem() }, reason: 'kill test' });
  const inFlight = callApi(a?.appUrl ?? '', 'PATCH', `/api/cosigners/${key.cosignerId}/api-keys/${key.apiKeyId}`, {
    cookie,
    body,
  }).catch((e: unknown) => e);
  const changeId = await recordedChangeId(r.db, key.apiKeyId);
  expect(changeId).toBeDefined();
  // The PATCH leaves right after the commit; give it a moment to reach the simulator, then crash replica A.
  await sleep(700);
  const killedAt = Date.now();
  await a?.kill('SIGKILL');
  expect(await inFlight).toBeInstanceOf(Error);

  const { view, viewUntil } = changeViewer({ appUrl: b?.appUrl ?? '', changeId: changeId ?? '', cookie });
  // `sending` on B until the sender is certainly gone (past the PATCH timeout), then `unknown`: never resent.
  expect((await view()).state).toBe('sending');
  const unknown = await viewUntil('unknown');
  expect(unknown.state).toBe('unknown');
  expect(unknown.timeline.map((t) => t.kind)).toEqual(['change_proposed', 'change_unknown']);

  // Fireblocks did receive it: once its request completes, the live handler is the change's and B's view settles it.
  const requests = (await (await fetch(`${r.sim.url}/_sim/requests`)).json()) as Array<{
    id: string;
    apiKeyId: string;
  }>;
  const request = requests.find((q) => q.apiKeyId === key.apiKeyId);
  expect(request).toBeDefined();
  expect((await fetch(`${r.sim.url}/_sim/requests/${request?.id ?? ''}/complete`, { method: 'POST' })).status).toBe(
    200,
  );
  const completed = await viewUntil('completed');
  expect(completed.timeline.map((t) => t.kind)).toEqual(['change_proposed', 'change_unknown', 'change_reconciled']);

  // A restarted on the same database finds nothing left to do: the change is settled.
  const restarted = await r.restart(0);
  expect((await callApi(restarted.appUrl, 'GET', `/api/changes/${changeId}`, { cookie })).status).toBe(200);

  // One PATCH, which had reached Fireblocks before the kill: nothing resent by B, nor by A restarted.
  const patches = r.sim.requestLog().filter((e) => e.method === 'PATCH' && e.path === upstreamPath);
  expect(patches).toHaveLength(1);
  expect(Date.parse(patches[0]?.at ?? '')).toBeLessThan(killedAt);
  expect(await verifyDatabaseChain(r.db)).toMatchObject({ ok: true, count: 3 });
}, 180_000);
