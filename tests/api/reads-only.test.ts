import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { appendAuditEvent } from '@/lib/audit/append';
import type { ChangeResponse } from '@/lib/changes/change-api-schemas';
import { createDb, type Db } from '@/lib/db/connect';
import { insertChange } from '@/lib/db/insert-change';
import { transaction } from '@/lib/db/transaction';
import { buildSeed, DEFAULT_SEED, seedSummary, type Simulator } from '@/sim/index';

import { callApi } from '../../testing/app/api-client';
import { REPO_ROOT } from '../../testing/app/canary-build';
import { startCanaryServer, type CanaryServer } from '../../testing/app/canary-server';
import { ALICE, BOB, sessionCookies } from '../../testing/app/session-cookie';
import { startSimulatedUpstream } from '../../testing/app/simulated-upstream';
import { findRouteFiles } from '../../testing/app/route-files';
import { GOOD_URL, loadPems } from '../../testing/app/bad-input-cases';

// A GET reads; it never writes. With an open change in every state a read once moved (awaiting approval past its
// expiry, sent with its Fireblocks request completed, unknown with the live handler already its `after`, sending
// with its sender long gone), every GET page and route on disk is asked about each of them, and the database is the
// same row for row afterwards (the session's activity stamp aside: the idle sign-out's bookkeeping, at most once a
// minute) and nothing but GETs reached Fireblocks. So that the background worker's own writes do not blur the
// picture, the test holds the worker's lease itself while it reads (the app then serves as a replica that does not
// hold it); given back, the worker moves every one of those changes, which shows each was there to be moved.
const PORT = Number(process.env.READS_ONLY_PORT ?? 4309);
let sim: Simulator;
let app: CanaryServer;
let db: Db;
let sessionSecret: string;
const cookieFor = sessionCookies(() => ({ appUrl: app.appUrl, sessionSecret, dataDir: app.dataDir }));
const big = seedSummary().bigCosignerId;
const keys =
  buildSeed(DEFAULT_SEED)
    .find((d) => d.cosigner.id === big)
    ?.keys.map((k) => k.id) ?? [];

beforeAll(async () => {
  let appEnv: Record<string, string>;
  ({ sim, sessionSecret, appEnv } = await startSimulatedUpstream({
    delays: { approveMs: 100, completeMs: 100 },
    oidcClientId: 'cosigner-console-reads-only-test',
  }));
  app = await startCanaryServer({
    name: 'next start (reads only)',
    port: PORT,
    env: { ...appEnv, CHANGE_APPROVALS: '1', CHANGE_TTL: '2s' },
    logFile: path.join(REPO_ROOT, 'test-results', 'api', `app-reads-only-${PORT}.log`),
  });
  db = createDb({ dataDir: app.dataDir });
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await sim?.close();
  await db?.close();
});

/** Every row of every table, in a fixed order; a session's `last_seen_at` left out. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables = ['sessions', 'changes', 'audit_events', 'worker_lease', 'worker_jobs', 'rate_limits'];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely);
    out[table] = rows
      .map(({ last_seen_at: _activity, ...row }) => JSON.stringify(row))
      .sort()
      .map((text) => JSON.parse(text) as unknown);
  }
  return out;
}

async function propose(apiKeyId: string): Promise<ChangeResponse> {
  const { cert } = await loadPems();
  const res = await callApi(app.appUrl, 'PATCH', `/api/cosigners/${big}/api-keys/${apiKeyId}`, {
    cookie: await cookieFor(ALICE),
    body: JSON.stringify({ callbackHandler: { url: GOOD_URL, cert }, reason: 'reads only' }),
  });
  expect(res.status, res.text).toBe(201);
  return (res.json as { change: ChangeResponse }).change;
}
const approve = async (changeId: string) =>
  callApi(app.appUrl, 'POST', `/api/changes/${changeId}/approve`, { cookie: await cookieFor(BOB), body: '{}' });

/** A change left `sending` by a process that died a minute ago, as a kill -9 leaves it. */
async function abandonedSending(apiKeyId: string): Promise<string> {
  const { cert } = await loadPems();
  const at = new Date(Date.now() - 60_000).toISOString();
  return transaction(db, async (tx) => {
    const row = await insertChange(tx, {
      id: randomUUID(),
      cosigner_id: big,
      api_key_id: apiKeyId,
      state: 'sending',
      proposer: JSON.stringify({ iss: 'http://idp.test.invalid', ...ALICE }),
      proposer_sub: ALICE.sub,
      before_handler: 'null',
      after_handler: JSON.stringify({ url: GOOD_URL, mode: 'cert', cert }),
      created_at: at,
      updated_at: at,
    });
    await appendAuditEvent(tx, { kind: 'change_proposed', actor: null, changeId: row.id, cosignerId: big, apiKeyId });
    return row.id;
  });
}

const stateOf = async (changeId: string) =>
  (await db.kysely.selectFrom('changes').select('state').where('id', '=', changeId).executeTakeFirstOrThrow()).state;

/**
 * Every GET page and route file under app/, as a URL for one change (its key, its Fireblocks request). Sign-in's
 * own routes (app/auth/) are not reads: the OIDC redirects are GETs by the protocol, and finishing a sign-in records
 * a session by design.
 */
function readUrls(o: { changeId: string; apiKeyId: string; requestId: string }): string[] {
  const params: Record<string, string> = { cosignerId: big, ...o };
  const urls = findRouteFiles()
    .filter((f) => f.methods.includes('GET') && !f.file.startsWith('app/auth/'))
    .map((f) =>
      f.file
        .replace(/^app/, '')
        .replace(/\/(page\.tsx|route\.ts)$/, '')
        .replace(/\/\([^)]+\)/g, '')
        .replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? name),
    )
    .map((p) => p || '/');
  // The same reads with the parameters the pages use.
  return [
    ...urls,
    `/api/changes?state=open&pageSize=100`,
    `/api/changes?state=all&apiKeyId=${o.apiKeyId}`,
    `/api/changes/${o.changeId}`,
    `/changes/${o.changeId}?approve=1`,
    `/api/audit?apiKeyId=${o.apiKeyId}`,
    `/api/search?q=${o.apiKeyId}&refresh=1`,
    `/api/findings?cosignerId=${big}&refresh=1`,
    `/cosigners/${big}/api-keys/${o.apiKeyId}/edit?from=${o.changeId}`,
  ];
}

it('with a change open in every state a read used to move, no GET writes to the database or to Fireblocks', async () => {
  // The app took the worker's lease at start; the test takes it over (as another replica would) and waits out a
  // pass the app may have had running.
  for (let i = 0; i < 100 && !(await db.kysely.selectFrom('worker_lease').select('name').executeTakeFirst()); i++)
    await sleep(100);
  await db.kysely
    .updateTable('worker_lease')
    .set({ holder: 'the reads-only test', expires_at: new Date(Date.now() + 3_600_000).toISOString() })
    .execute();
  await sleep(3_000);

  const [expiring = '', completing = '', reconciling = '', abandoned = ''] = keys.slice(10, 14);
  const expired = await propose(expiring);
  const sent = await propose(completing);
  const sentAnswer = await approve(sent.id);
  expect(sentAnswer.status, sentAnswer.text).toBe(202);
  const { requestId } = sentAnswer.json as { requestId: string };
  const lost = await propose(reconciling);
  sim.setFaults({ dropAfterHandling: true, times: 1, match: { method: 'PATCH' } });
  expect((await approve(lost.id)).status).toBe(502);
  const sendingId = await abandonedSending(abandoned);
  // Fireblocks completes both requests; the approval-awaiting change passes its expiry.
  await sleep(2_500);
  const open = { [expired.id]: 'awaiting_approval', [sent.id]: 'sent', [lost.id]: 'unknown', [sendingId]: 'sending' };
  for (const [id, state] of Object.entries(open)) expect(await stateOf(id)).toBe(state);

  const before = await snapshot();
  const upstreamBefore = sim.requestLog().length;
  const cookie = await cookieFor(ALICE);
  const targets = [
    { changeId: expired.id, apiKeyId: expiring, requestId },
    { changeId: sent.id, apiKeyId: completing, requestId },
    { changeId: lost.id, apiKeyId: reconciling, requestId },
    { changeId: sendingId, apiKeyId: abandoned, requestId },
  ];
  const asked: string[] = [];
  for (const target of targets) {
    for (const url of readUrls(target)) {
      const page = !url.startsWith('/api/');
      const res = await callApi(app.appUrl, 'GET', url, { cookie, headers: page ? { accept: 'text/html' } : {} });
      expect(res.status, `GET ${url}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      asked.push(url);
    }
  }
  expect(asked.length).toBeGreaterThanOrEqual(4 * 25);
  // Anything a read set going in the background has had time to land.
  await sleep(1_000);

  expect(await snapshot()).toEqual(before);
  const upstream = sim.requestLog().slice(upstreamBefore);
  expect(upstream.length).toBeGreaterThan(0);
  expect(upstream.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`)).toEqual([]);

  // Given the lease back, the background worker moves each of them (what a GET once did).
  await db.kysely
    .updateTable('worker_lease')
    .set({ expires_at: new Date(Date.now() - 1_000).toISOString() })
    .execute();
  const settled = { [expired.id]: 'expired', [sent.id]: 'completed', [lost.id]: 'completed', [sendingId]: 'unknown' };
  for (let i = 0; i < 100; i++) {
    const states = await Promise.all(Object.keys(settled).map(stateOf));
    if (states.every((s, j) => s === Object.values(settled)[j])) break;
    await sleep(200);
  }
  for (const [id, state] of Object.entries(settled)) expect(await stateOf(id)).toBe(state);
}, 180_000);
