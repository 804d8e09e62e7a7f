import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, expect, it } from 'vitest';

import type { ChangeResponse } from '@/lib/changes/change-api-schemas';
import { createDb, type Db } from '@/lib/db/connect';
import type { ChangeNotification } from '@/lib/notify';
import { startWebhookReceiver, type WebhookReceiver } from '@/testing/upstream/webhook-receiver';
import { seedSummary, type Simulator } from '@/sim/index';

import { callApi } from '../../testing/app/api-client';
import { REPO_ROOT } from '../../testing/app/canary-build';
import { startCanaryServer, type CanaryServer } from '../../testing/app/canary-server';
import { ALICE, BOB, sessionCookies } from '../../testing/app/session-cookie';
import { startSimulatedUpstream } from '../../testing/app/simulated-upstream';
import { GOOD_URL, loadPems } from '../../testing/app/bad-input-cases';

// Nobody looks: after the proposal and the approval, this test sends the app no request at all. The background
// worker alone moves the changes and their notifications leave: a change whose Fireblocks request completes reaches
// `completed` (and its webhook) within two WATCH_INTERVALs of the completion, and a change nobody approves expires
// within two intervals of its `expires_at`. A server of its own: its configuration names the interval, CHANGE_TTL and
// this file's receiver, and its simulator holds every request until the test completes it.
const PORT = Number(process.env.FOLLOW_UNWATCHED_PORT ?? 4308);
const INTERVAL_MS = 4_000;
const TTL_MS = 3_000;
let sim: Simulator;
let app: CanaryServer;
let receiver: WebhookReceiver;
let db: Db;
let sessionSecret: string;
const cookieFor = sessionCookies(() => ({ appUrl: app.appUrl, sessionSecret, dataDir: app.dataDir }));
const keys = seedSummary();

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  let appEnv: Record<string, string>;
  ({ sim, sessionSecret, appEnv } = await startSimulatedUpstream({
    delays: { approveMs: 600_000, completeMs: 1 },
    oidcClientId: 'cosigner-console-unwatched-test',
  }));
  app = await startCanaryServer({
    name: 'next start (follow unwatched)',
    port: PORT,
    env: {
      ...appEnv,
      CHANGE_APPROVALS: '1',
      CHANGE_TTL: `${TTL_MS / 1000}s`,
      WATCH_INTERVAL: `${INTERVAL_MS / 1000}s`,
      NOTIFY_WEBHOOK_URL: receiver.url,
    },
    logFile: path.join(REPO_ROOT, 'test-results', 'api', `app-unwatched-${PORT}.log`),
  });
  db = createDb({ dataDir: app.dataDir });
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await sim?.close();
  await receiver?.close();
  await db?.close();
});

/** The notification of `changeId` reaching `to`, once it has arrived (waits up to 20 s). */
async function notified(changeId: string, to: string) {
  const of = () =>
    receiver.received.find((r) => {
      const body = r.body as ChangeNotification | undefined;
      return body?.changeId === changeId && body.to === to;
    });
  await receiver.waitFor(() => of() !== undefined, 20_000);
  return of()!;
}

async function propose(apiKeyId: string, cosignerId: string): Promise<ChangeResponse> {
  const { cert } = await loadPems();
  const res = await callApi(app.appUrl, 'PATCH', `/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`, {
    cookie: await cookieFor(ALICE),
    body: JSON.stringify({ callbackHandler: { url: GOOD_URL, cert }, reason: 'nobody looks' }),
  });
  expect(res.status, res.text).toBe(201);
  return (res.json as { change: ChangeResponse }).change;
}

const lastStatusOf = async (changeId: string) =>
  (
    await db.kysely
      .selectFrom('changes')
      .select('last_fireblocks_status')
      .where('id', '=', changeId)
      .executeTakeFirstOrThrow()
  ).last_fireblocks_status;
const stateOf = async (changeId: string) =>
  (await db.kysely.selectFrom('changes').select('state').where('id', '=', changeId).executeTakeFirstOrThrow()).state;
const kindsOf = async (changeId: string) =>
  (
    await db.kysely.selectFrom('audit_events').select('kind').where('change_id', '=', changeId).orderBy('seq').execute()
  ).map((e) => e.kind);

it('a change sent with no page open reaches `completed`, and its webhook leaves, within two intervals', async () => {
  const { cosignerId, apiKeyId } = keys.keyWithCert;
  const change = await propose(apiKeyId, cosignerId);
  const approved = await callApi(app.appUrl, 'POST', `/api/changes/${change.id}/approve`, {
    cookie: await cookieFor(BOB),
    body: '{}',
  });
  expect(approved.status, approved.text).toBe(202);
  const { requestId } = approved.json as { requestId: string };
  // From here on, no request to the app. The worker records that Fireblocks waits for an Owner's approval:
  for (let i = 0; i < 100 && (await lastStatusOf(change.id)) !== 'WAITING_FOR_APPROVAL'; i++) await sleep(100);
  expect(await lastStatusOf(change.id)).toBe('WAITING_FOR_APPROVAL');
  // Then Fireblocks applies the change:
  const res = await fetch(`${sim.url}/_sim/requests/${requestId}/complete`, { method: 'POST' });
  expect(res.status).toBe(200);
  const completedAt = Date.now();

  const webhook = await notified(change.id, 'completed');
  const lag = webhook.arrivedAt - completedAt;
  console.log(`completed in Fireblocks -> recorded and its webhook received: ${lag} ms (interval ${INTERVAL_MS} ms)`);
  expect(lag).toBeLessThanOrEqual(2 * INTERVAL_MS);
  expect(await stateOf(change.id)).toBe('completed');
  expect(await kindsOf(change.id)).toEqual([
    'change_proposed',
    'change_approved',
    'change_sent',
    'change_status',
    'change_completed',
  ]);
  // The worker read the request's status itself: nobody else asked the app anything.
  const statusReads = sim.requestLog().filter((e) => e.method === 'GET' && e.path.endsWith(`/${requestId}`));
  expect(statusReads.length).toBeGreaterThanOrEqual(2);
});

it('a change nobody approves expires, and its webhook leaves, within two intervals of its expiry', async () => {
  const { cosignerId, apiKeyId } = keys.keyWithPublicKey;
  const change = await propose(apiKeyId, cosignerId);
  const expiresAt = Date.parse(change.expiresAt ?? '');
  expect(expiresAt - Date.parse(change.createdAt)).toBe(TTL_MS);

  const webhook = await notified(change.id, 'expired');
  const lag = webhook.arrivedAt - expiresAt;
  console.log(`past its expiry -> expired and its webhook received: ${lag} ms (interval ${INTERVAL_MS} ms)`);
  expect(lag).toBeGreaterThanOrEqual(0);
  expect(lag).toBeLessThanOrEqual(2 * INTERVAL_MS);
  expect(await stateOf(change.id)).toBe('expired');
  expect(await kindsOf(change.id)).toEqual(['change_proposed', 'change_expired']);
  expect((webhook.body as ChangeNotification).actor).toBeNull();
  // Nothing reached Fireblocks for it but the proposal's reads.
  expect(sim.requestLog().filter((e) => e.method === 'PATCH' && e.path.endsWith(apiKeyId))).toEqual([]);
});
