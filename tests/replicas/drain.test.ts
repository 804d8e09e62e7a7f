import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, expect, it } from 'vitest';

import type { ChangeResponse } from '@/lib/changes/change-api-schemas';
import { DRAIN_DEADLINE_MS } from '@/lib/lifecycle/drain';
import { validCertPem } from '@/lib/testing/pem-fixtures';
import { stopOwnPostgres } from '@/scripts/test-runner/test-databases';
import { buildSeed, DEFAULT_SEED, seedSummary } from '@/sim/index';

import { GOOD_URL } from '../api/bad-input-cases';
import { callApi } from '../helpers/api-client';
import { replicaPort, startReplicas, type Replicas } from '../helpers/replicas';
import { ALICE } from '../helpers/session-cookie';

// SIGTERM drains a replica: new changes are refused (503 draining, Retry-After) and /api/ready answers 503 so a load
// balancer moves traffic, while the change already in flight finishes and is answered; then the process exits, well
// within the drain deadline.
let r: Replicas;

beforeAll(async () => {
  r = await startReplicas({ name: 'drain', ports: [replicaPort(4)], env: { CHANGE_APPROVALS: '0' } });
}, 600_000);

afterAll(async () => {
  await r?.close();
  await stopOwnPostgres();
});

it('SIGTERM: no new changes, /api/ready 503, the change in flight completes, then the process exits', async () => {
  const [app] = r.apps;
  const appUrl = app?.appUrl ?? '';
  const cosignerId = seedSummary().bigCosignerId;
  const [held = '', refused = ''] =
    buildSeed(DEFAULT_SEED)
      .find((d) => d.cosigner.id === cosignerId)
      ?.keys.slice(-2)
      .map((k) => k.id) ?? [];
  const cookie = await r.cookieFor(ALICE);
  const cert = await validCertPem();
  const propose = (apiKeyId: string) =>
    callApi(appUrl, 'PATCH', `/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`, {
      cookie,
      body: JSON.stringify({ callbackHandler: { url: GOOD_URL, cert }, reason: 'drain test' }),
    });
  expect((await callApi(appUrl, 'GET', '/api/ready')).status).toBe(200);

  // Fireblocks holds the first PATCH for 3 s.
  r.sim.setFaults({ latencyMs: 3_000, times: 1, match: { method: 'PATCH' } });
  const inFlight = propose(held);
  for (let i = 0; i < 100 && !r.sim.requestLog().some((e) => e.method === 'PATCH'); i++) await sleep(25);
  const signalled = Date.now();
  const exited = app?.kill('SIGTERM');
  await sleep(300);

  const refusedAnswer = await propose(refused);
  expect(refusedAnswer.status, refusedAnswer.text).toBe(503);
  expect((refusedAnswer.json as { error: { code: string } }).error.code).toBe('draining');
  expect(Number(refusedAnswer.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await callApi(appUrl, 'GET', '/api/ready')).status).toBe(503);
  expect(await r.db.kysely.selectFrom('changes').select('id').where('api_key_id', '=', refused).execute()).toEqual([]);

  const heldAnswer = await inFlight;
  expect(heldAnswer.status, heldAnswer.text).toBe(202);
  expect((heldAnswer.json as { change: ChangeResponse }).change.state).toBe('sent');

  await exited;
  const seconds = (Date.now() - signalled) / 1000;
  console.log(`drained and exited ${seconds.toFixed(1)} s after SIGTERM`);
  expect(seconds * 1000).toBeLessThan(DRAIN_DEADLINE_MS);
  expect(r.sim.requestLog().filter((e) => e.method === 'PATCH')).toHaveLength(1);
}, 120_000);
