import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { verifyDatabaseChain } from '@/lib/audit/read';
import type { ChangeResponse } from '@/lib/changes/change-api-schemas';
import type { ChangeNotification } from '@/lib/notify';
import { validCertPem } from '@/testing/fixtures/pem-fixtures';
import { startWebhookReceiver, type WebhookReceiver } from '@/testing/upstream/webhook-receiver';
import type { WorkerStatus } from '@/lib/worker/worker-api-schemas';
import { stopOwnPostgres } from '@/testing/db/test-databases';
import { seedSummary } from '@/sim/index';

import { GOOD_URL } from '../../testing/app/bad-input-cases';
import { callApi } from '../../testing/app/api-client';
import { replicaPort, startReplicas, type Replicas } from '../../testing/app/replicas';
import { ALICE } from '../../testing/app/session-cookie';

// The one background worker of a deployment: two `next start` replicas on one PostgreSQL elect it through the lease
// row. Exactly one holds it; killed with kill -9 it is replaced within two WATCH_INTERVALs (the lease lapses, the
// other replica takes it); stopped with SIGTERM it hands over at the other's next tick. A change followed across the
// kill is recorded once per state, and each state is announced once.
const INTERVAL_MS = 3_000;
let r: Replicas;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  r = await startReplicas({
    name: 'worker',
    ports: [replicaPort(5), replicaPort(6)],
    env: { CHANGE_APPROVALS: '0', WATCH_INTERVAL: `${INTERVAL_MS / 1000}s`, NOTIFY_WEBHOOK_URL: receiver.url },
    // Fireblocks' requests wait for approval until the test moves them on.
    delays: { approveMs: 600_000, completeMs: 600_000 },
  });
}, 600_000);

afterAll(async () => {
  await r?.close();
  await receiver?.close();
  await stopOwnPostgres();
});

async function statusOf(appUrl: string, cookie: string): Promise<WorkerStatus> {
  const res = await callApi(appUrl, 'GET', '/api/worker', { cookie });
  expect(res.status, res.text).toBe(200);
  return (res.json as { data: WorkerStatus }).data;
}

/** Which replicas say they hold the lease, asked until exactly one does (up to `timeoutMs`); their indexes. */
async function leaders(apps: number[], cookie: string, timeoutMs = 10_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const says = await Promise.all(apps.map(async (i) => (await statusOf(r.apps[i]?.appUrl ?? '', cookie)).leader));
    const leading = apps.filter((_, j) => says[j]);
    if (leading.length === 1 || Date.now() > deadline) return leading;
    await sleep(100);
  }
}

const sim = (method: string, path: string) => fetch(`${r.sim.url}${path}`, { method });

it('one replica holds the lease; kill -9 hands it over within two intervals; a change followed across is recorded once per state', async () => {
  const cookie = await r.cookieFor(ALICE);
  const [holder = -1] = await leaders([0, 1], cookie);
  expect(await leaders([0, 1], cookie)).toEqual([holder]);
  const other = 1 - holder;
  const status = await statusOf(r.apps[other]?.appUrl ?? '', cookie);
  expect(status).toMatchObject({ leader: false, lease: { term: 1 } });
  // The follow job has run on the holder, and every replica reads its record.
  for (let i = 0; i < 50 && (await statusOf(r.apps[other]?.appUrl ?? '', cookie)).jobs.length === 0; i++)
    await sleep(100);
  expect((await statusOf(r.apps[other]?.appUrl ?? '', cookie)).jobs).toEqual([
    expect.objectContaining({ name: 'follow-changes', lastError: null }),
  ]);

  // A change sent through the replica that does not hold the lease; the holder follows it.
  const { keyWithCert: key } = seedSummary();
  const proposed = await callApi(
    r.apps[other]?.appUrl ?? '',
    'PATCH',
    `/api/cosigners/${key.cosignerId}/api-keys/${key.apiKeyId}`,
    { cookie, body: JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: await validCertPem() } }) },
  );
  expect(proposed.status, proposed.text).toBe(202);
  const { change, requestId } = proposed.json as { change: ChangeResponse; requestId: string };
  const lastStatus = async () =>
    (
      await r.db.kysely
        .selectFrom('changes')
        .select(['state', 'last_fireblocks_status'])
        .where('id', '=', change.id)
        .executeTakeFirstOrThrow()
    ).last_fireblocks_status;
  const until = async (status: string) => {
    for (let i = 0; i < 100 && (await lastStatus()) !== status; i++) await sleep(100);
    expect(await lastStatus()).toBe(status);
  };
  await until('WAITING_FOR_APPROVAL');
  expect((await sim('POST', `/_sim/requests/${requestId}/approve`)).status).toBe(200);
  await until('APPROVED');

  // The holder dies outright, holding the lease; Fireblocks applies the change meanwhile.
  await r.apps[holder]?.kill('SIGKILL');
  const killedAt = Date.now();
  expect((await sim('POST', `/_sim/requests/${requestId}/complete`)).status).toBe(200);
  expect(await leaders([other], cookie, 4 * INTERVAL_MS)).toEqual([other]);
  const handover = Date.now() - killedAt;
  console.log(`kill -9 of the lease holder -> the other replica holds it: ${handover} ms (interval ${INTERVAL_MS} ms)`);
  expect(handover).toBeLessThanOrEqual(2 * INTERVAL_MS);
  expect((await statusOf(r.apps[other]?.appUrl ?? '', cookie)).lease?.term).toBe(2);
  await until('COMPLETED');

  const events = await r.db.kysely
    .selectFrom('audit_events')
    .select(['kind', 'detail'])
    .where('change_id', '=', change.id)
    .orderBy('seq')
    .execute();
  expect(
    events.map((e) => [e.kind, (JSON.parse(e.detail ?? '{}') as { fireblocksStatus?: string }).fireblocksStatus]),
  ).toEqual([
    ['change_proposed', undefined],
    ['change_sent', undefined],
    ['change_status', 'WAITING_FOR_APPROVAL'],
    ['change_status', 'APPROVED'],
    ['change_completed', 'COMPLETED'],
  ]);
  // Each state announced once: `sending` and `sent` by the replica that sent it, `completed` by the new holder.
  await receiver.waitFor(
    (all) => all.some((q) => (q.body as ChangeNotification | undefined)?.to === 'completed'),
    10_000,
  );
  await sleep(INTERVAL_MS);
  const moves = receiver.received
    .map((q) => q.body as ChangeNotification)
    .filter((b) => b.changeId === change.id)
    .map((b) => `${b.from ?? 'new'}->${b.to}`);
  expect(moves).toEqual(['new->sending', 'sending->sent', 'sent->completed']);
  expect(await verifyDatabaseChain(r.db)).toMatchObject({ ok: true });

  // Restarted, the killed replica finds the lease held and stays a standby.
  const restarted = await r.restart(holder);
  await sleep(INTERVAL_MS);
  expect(await leaders([holder, other], cookie)).toEqual([other]);
  expect((await statusOf(restarted.appUrl, cookie)).leader).toBe(false);

  // SIGTERM drains the holder, which releases the lease: the other replica takes it at its next tick, long before
  // the lease would have lapsed.
  const drained = r.apps[other]?.kill('SIGTERM');
  const signalledAt = Date.now();
  expect(await leaders([holder], cookie, 4 * INTERVAL_MS)).toEqual([holder]);
  const takeover = Date.now() - signalledAt;
  console.log(`SIGTERM of the lease holder -> the other replica holds it: ${takeover} ms (interval ${INTERVAL_MS} ms)`);
  expect(takeover).toBeLessThan(INTERVAL_MS);
  await drained;
}, 180_000);
