import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { verifyDatabaseChain } from '@/lib/audit/read';
import { createDb, type Db } from '@/lib/db/connect';
import { seedSummary, type Simulator } from '@/sim/index';

import { callApi } from '../../testing/app/api-client';
import { REPO_ROOT } from '../../testing/app/canary-build';
import { startCanaryServer, type CanaryServer } from '../../testing/app/canary-server';
import { changeViewer, recordedChangeId } from '../../testing/app/change-view';
import { ALICE, sessionCookieHeader } from '../../testing/app/session-cookie';
import { startSimulatedUpstream } from '../../testing/app/simulated-upstream';
import { GOOD_URL, loadPems } from '../../testing/app/bad-input-cases';

// kill -9 of the server while Fireblocks holds its PATCH: the change and its first event were committed before the
// PATCH left, so the restarted server's background worker (once the dead process's lease has lapsed, within the
// WATCH_INTERVAL) finds the change, turns it `unknown` (never resends it), and reconciles it once Fireblocks completes
// the request. Always a server of its own (it is killed), on a database of its own.
const PORT = Number(process.env.TEST_APP_PORT ?? 4304);
const dataDir = mkdtempSync(path.join(tmpdir(), 'cosigner-crash-data-'));
const logDir = path.join(REPO_ROOT, 'test-results', 'api');
let sim: Simulator;
let sessionSecret: string;
let appEnv: Record<string, string>;
let app: CanaryServer | undefined;
let db: Db;

const start = (run: number) =>
  startCanaryServer({
    name: `next start (crash test, run ${run})`,
    port: PORT,
    // Sent at once, so the PATCH is in flight when the server dies.
    env: { ...appEnv, CHANGE_APPROVALS: '0', WATCH_INTERVAL: '5s' },
    dataDir,
    logFile: path.join(logDir, `app-crash-${run}.log`),
  });

beforeAll(async () => {
  // Requests wait for approval until the test completes them.
  ({ sim, sessionSecret, appEnv } = await startSimulatedUpstream({
    delays: { approveMs: 600_000, completeMs: 1 },
    oidcClientId: 'cosigner-console-crash-test',
  }));
  db = createDb({ dataDir });
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await sim?.close();
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('kill -9 while the PATCH is in flight: the change is found `unknown` with its events after a restart, then reconciled', async () => {
  const pems = await loadPems();
  const { keyWithPublicKey: key } = seedSummary();
  const upstreamPath = `/v1/cosigners/${key.cosignerId}/api_keys/${key.apiKeyId}`;
  app = await start(1);
  const cookie = await sessionCookieHeader(ALICE, { appUrl: app.appUrl, secret: sessionSecret, dataDir });

  // The simulator holds the PATCH for 4 s, then handles it (the server is gone by then).
  sim.setFaults({ latencyMs: 4_000, times: 1, match: { method: 'PATCH' } });
  const body = JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: pems.cert }, reason: 'crash test' });
  const inFlight = callApi(app.appUrl, 'PATCH', `/api/cosigners/${key.cosignerId}/api-keys/${key.apiKeyId}`, {
    cookie,
    body,
  }).catch((e: unknown) => e);
  const changeId = await recordedChangeId(db, key.apiKeyId);
  expect(changeId).toBeDefined();
  // The PATCH leaves right after the commit; give it a moment to reach the simulator, then crash.
  await sleep(500);
  await app.kill('SIGKILL');
  expect(await inFlight).toBeInstanceOf(Error);

  app = await start(2);
  const { viewUntil } = changeViewer({ appUrl: app.appUrl, changeId: changeId ?? '', cookie });
  // Still `sending` until the sender is certainly gone (the PATCH timeout has passed), then `unknown`.
  const unknown = await viewUntil('unknown');
  expect(unknown.state).toBe('unknown');
  expect(unknown.timeline.map((t) => t.kind)).toEqual(['change_proposed', 'change_unknown']);
  expect(unknown.timeline[0]?.actor?.sub).toBe(ALICE.sub);

  // Fireblocks did receive it: once its request completes, the live handler is the change's and the view settles it.
  const requests = (await (await fetch(`${sim.url}/_sim/requests`)).json()) as Array<{ id: string; apiKeyId: string }>;
  const request = requests.find((r) => r.apiKeyId === key.apiKeyId);
  expect(request).toBeDefined();
  expect((await fetch(`${sim.url}/_sim/requests/${request?.id ?? ''}/complete`, { method: 'POST' })).status).toBe(200);
  const completed = await viewUntil('completed');
  expect(completed.timeline.map((t) => t.kind)).toEqual(['change_proposed', 'change_unknown', 'change_reconciled']);

  expect(sim.requestLog().filter((e) => e.method === 'PATCH' && e.path === upstreamPath)).toHaveLength(1);
  expect(await verifyDatabaseChain(db)).toMatchObject({ ok: true, count: 3 });
}, 180_000);
