import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedSummary, type Simulator } from '@/sim/index';

import { callApi, type ApiAnswer } from '../../testing/app/api-client';
import { changeViewer, untilNoOpenChanges } from '../../testing/app/change-view';
import { REPO_ROOT } from '../../testing/app/canary-build';
import { startCanaryServer, type CanaryServer } from '../../testing/app/canary-server';
import { ALICE, sessionCookies, type TestUser } from '../../testing/app/session-cookie';
import { startSimulatedUpstream } from '../../testing/app/simulated-upstream';
import { GOOD_URL, loadPems } from '../../testing/app/bad-input-cases';

// One upstream budget per replica and /api/metrics, on a server of its own: its simulator log counts
// only this file's calls, its 429 closes only its own gate, and it runs with METRICS_TOKEN set.
const PORT = Number(process.env.UPSTREAM_BUDGET_PORT ?? process.env.TEST_APP_PORT ?? 4306);
const METRICS_TOKEN = `metrics-${randomBytes(16).toString('hex')}`;
const BOB: TestUser = { sub: 'bob', name: 'Bob Admin', email: 'bob@example.com', role: 'admin' };
const seed = seedSummary();
const big = seed.bigCosignerId;

let sim: Simulator;
let sessionSecret: string;
let app: CanaryServer;
let bigKeyIds: string[];

const cookieFor = sessionCookies(() => ({ appUrl: app.appUrl, sessionSecret, dataDir: app.dataDir }));
const get = async (p: string, user: TestUser = ALICE) =>
  callApi(app.appUrl, 'GET', p, { cookie: await cookieFor(user) });
/** Upstream GETs whose path (without the query) is exactly `p`. */
const upstreamGets = (p: string) => sim.requestLog().filter((e) => e.method === 'GET' && e.path.split('?')[0] === p);
const codeOf = (a: ApiAnswer) => (a.json as { error?: { code?: string } }).error?.code;

beforeAll(async () => {
  let appEnv: Record<string, string>;
  ({ sim, sessionSecret, appEnv } = await startSimulatedUpstream({
    delays: { approveMs: 200, completeMs: 200 },
    oidcClientId: 'cosigner-console-budget-test',
  }));
  app = await startCanaryServer({
    name: 'next start (upstream budget)',
    port: PORT,
    // Sent at once: what is measured here is the cache and the budget, not the approval step.
    env: { ...appEnv, CHANGE_APPROVALS: '0', METRICS_TOKEN },
    logFile: path.join(REPO_ROOT, 'test-results', 'api', `app-budget-${PORT}.log`),
  });
  const keys = await get(`/api/cosigners/${big}/api-keys?pageSize=100&order=ASC`);
  bigKeyIds = (keys.json as { data: Array<{ id: string }> }).data.map((k) => k.id);
  expect(bigKeyIds).toHaveLength(100);
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await sim?.close();
});

describe('reads are cached per replica and coalesced', () => {
  it('50 concurrent viewers of one list page (documents and API calls) cost one upstream call', async () => {
    const c = seed.keyWithCert.cosignerId;
    const pageOf = `/v1/cosigners/${c}/api_keys`;
    sim.clearLog();
    const cookie = await cookieFor(ALICE);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? callApi(app.appUrl, 'GET', `/cosigners/${c}`, { cookie, headers: { accept: 'text/html' } })
          : callApi(app.appUrl, 'GET', `/api/cosigners/${c}/api-keys?pageSize=25&order=DESC`, { cookie }),
      ),
    );
    for (const a of answers) expect(a.status, a.text.slice(0, 200)).toBe(200);
    // The page's first paint reads the default page (25, DESC), the API calls ask for that same page.
    expect(upstreamGets(pageOf).map((e) => e.path)).toEqual([`${pageOf}?pageSize=25&order=DESC`]);
    expect(upstreamGets(`/v1/cosigners/${c}`)).toHaveLength(1);
    // Every API answer says when Fireblocks gave the data: one read, one time, no later than the answers.
    const readAts = new Set(answers.filter((_, i) => i % 2 === 1).map((a) => a.headers.get('x-fireblocks-read-at')));
    expect(readAts.size).toBe(1);
    const readAt = Date.parse([...readAts][0] ?? '');
    expect(readAt).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - readAt).toBeLessThan(60_000);
  }, 120_000);

  it("a completed change drops the key's cached reads: the next read is live, within the TTL", async () => {
    const pems = await loadPems();
    const keyId = bigKeyIds[3]!;
    const keyApi = `/api/cosigners/${big}/api-keys/${keyId}`;
    const keyUpstream = `/v1/cosigners/${big}/api_keys/${keyId}`;
    const urlOf = (a: ApiAnswer) =>
      (a.json as { data: { callbackHandler?: { url: string } } }).data.callbackHandler?.url;
    const readAtOf = (a: ApiAnswer) => Date.parse(a.headers.get('x-fireblocks-read-at') ?? '');
    const simCall = (method: string, p: string, body?: unknown) =>
      fetch(`${sim.url}${p}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // Fireblocks holds the request until the test completes it.
    await simCall('POST', '/_sim/delays', { approveMs: 600_000, completeMs: 600_000 });
    try {
      const url = `${GOOD_URL}?change=${randomUUID()}`;
      const body = JSON.stringify({ callbackHandler: { url, cert: pems.cert }, reason: 'cache invalidation test' });
      sim.clearLog();
      const sent = await callApi(app.appUrl, 'PATCH', keyApi, { cookie: await cookieFor(ALICE), body });
      expect(sent.status, sent.text).toBe(202);
      const changeId = (sent.json as { change: { id: string } }).change.id;
      // The change's `before` was a live read, not the cache's.
      expect(upstreamGets(keyUpstream)).toHaveLength(1);

      const cached = await get(keyApi);
      const readAt = readAtOf(cached);
      expect(urlOf(cached)).not.toBe(url);
      const requests = (await (await simCall('GET', '/_sim/requests')).json()) as Array<{
        id: string;
        apiKeyId: string;
      }>;
      const request = requests.find((r) => r.apiKeyId === keyId);
      expect((await simCall('POST', `/_sim/requests/${request?.id ?? ''}/complete`)).status).toBe(200);
      // Fireblocks has the new handler, the cache still the old one (within its TTL).
      const stillCached = await get(keyApi);
      expect(readAtOf(stillCached)).toBe(readAt);
      expect(urlOf(stillCached)).not.toBe(url);

      // The background worker records the completion (and drops the key's cached reads) on its next pass.
      const { viewUntil } = changeViewer({ appUrl: app.appUrl, changeId, cookie: await cookieFor(ALICE) });
      expect((await viewUntil('completed')).state).toBe('completed');
      const after = await get(keyApi);
      expect(urlOf(after)).toBe(url);
      expect(readAtOf(after)).toBeGreaterThan(readAt);
      // Well within the 5 s TTL: the invalidation, not the expiry, made this read live.
      expect(Date.now() - readAt).toBeLessThan(5_000);
    } finally {
      await simCall('POST', '/_sim/delays', { approveMs: 200, completeMs: 200 });
    }
  }, 60_000);
});

/** `name{labels} value` lines of a Prometheus text answer, as label text -> value per name. */
function metricValues(text: string, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    // Label values may hold braces (route templates): the labels run to the last `}` before the value.
    const m = /^([a-z_:][a-z0-9_:]*)(\{.*\})? (\S+)$/i.exec(line);
    if (m && m[1] === name) out.set(m[2] ?? '', Number(m[3]));
  }
  return out;
}

const scrape = (authorization?: string) =>
  callApi(app.appUrl, 'GET', '/api/metrics', {
    headers: { accept: 'text/plain', ...(authorization ? { authorization } : {}) },
  });

describe('/api/metrics', () => {
  it('answers only the bearer METRICS_TOKEN, with the standard error body otherwise', async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(codeOf(none)).toBe('unauthenticated');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.headers.get('x-request-id')).toBeTruthy();
    const wrong = await scrape(`Bearer ${METRICS_TOKEN.slice(0, -1)}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('cosigner_console_');
    const session = await callApi(app.appUrl, 'GET', '/api/metrics', { cookie: await cookieFor(ALICE) });
    expect(session.status).toBe(401);
    const ok = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(ok.headers.get('cache-control')).toBe('no-store, no-transform');
  });

  it('counts upstream calls by route and status with latencies, changes by state, audit events and 429s', async () => {
    // The console's own limit: bob's changes to one key until it refuses (a burst, then 429 rate_limited).
    const pems = await loadPems();
    const keyApi = `/api/cosigners/${big}/api-keys/${bigKeyIds[5]!}`;
    const body = JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: pems.cert } });
    const statuses: number[] = [];
    for (let i = 0; i < 10 && !statuses.includes(429); i++)
      statuses.push((await callApi(app.appUrl, 'PATCH', keyApi, { cookie: await cookieFor(BOB), body })).status);
    expect(statuses.at(-1)).toBe(429);

    const text = (await scrape(`Bearer ${METRICS_TOKEN}`)).text;
    const calls = metricValues(text, 'cosigner_console_upstream_requests_total');
    const listKeys = calls.get('{method="GET",route="/cosigners/{cosignerId}/api_keys",status="200"}') ?? 0;
    expect(listKeys).toBeGreaterThanOrEqual(2);
    // alice's change and bob's first (another of bob's may follow once his first has completed), as Fireblocks saw them.
    const patches = calls.get('{method="PATCH",route="/cosigners/{cosignerId}/api_keys/{apiKeyId}",status="202"}');
    expect(patches).toBe(sim.requestLog().filter((e) => e.method === 'PATCH' && e.status === 202).length);
    // No label ever holds an id.
    for (const labels of calls.keys()) expect(labels).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    const histogram = metricValues(text, 'cosigner_console_upstream_request_duration_seconds_count');
    expect(histogram.get('{method="GET",route="/cosigners/{cosignerId}/api_keys",status="200"}')).toBe(listKeys);
    expect(text).toMatch(
      /^cosigner_console_upstream_request_duration_seconds_bucket\{[^}]*le="0\.5"[^}]*route="\/cosigners\/\{cosignerId\}\/api_keys"/m,
    );

    const changes = metricValues(text, 'cosigner_console_changes');
    const total = [...changes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(patches);
    expect(changes.get('{state="completed"}')).toBeGreaterThanOrEqual(1);
    expect(changes.get('{state="failed"}')).toBe(0);
    const open = ['awaiting_approval', 'sending', 'sent', 'unknown'].map((st) => changes.get(`{state="${st}"}`) ?? 0);
    expect(metricValues(text, 'cosigner_console_open_changes').get('')).toBe(open.reduce((a, b) => a + b, 0));
    // proposed + sent + status/completed events of the first change, and at least proposed + sent of bob's.
    expect(metricValues(text, 'cosigner_console_audit_events').get('')).toBeGreaterThanOrEqual(5);
    expect(metricValues(text, 'cosigner_console_rate_limit_rejections_total').get('{limit="console"}')).toBe(1);
    expect(text).toContain('cosigner_console_process_cpu_seconds_total');
  }, 60_000);
});

describe('one upstream budget: a 429 holds back the whole replica', () => {
  it('concurrent requests after a 429 wait out its Retry-After together: one 429 upstream, then each call once', async () => {
    const keys = bigKeyIds.slice(20, 31);
    await untilNoOpenChanges({ appUrl: app.appUrl, cookie: await cookieFor(ALICE) });
    sim.clearLog();
    sim.setFaults({ status: 429, retryAfterSec: 2, times: 1, match: { method: 'GET' } });
    const first = get(`/api/cosigners/${big}/api-keys/${keys[0]!}`);
    while (!sim.requestLog().some((e) => e.status === 429)) await sleep(10);
    const started = Date.now();
    const others = Promise.all(keys.slice(1).map((k) => get(`/api/cosigners/${big}/api-keys/${k}`)));
    await sleep(1_000);
    // The gate holds: nothing more has reached Fireblocks while the Retry-After runs.
    expect(sim.requestLog()).toHaveLength(1);
    const answers = [await first, ...(await others)];
    for (const a of answers) expect(a.status, a.text).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    const log = sim.requestLog();
    expect(log.filter((e) => e.status === 429)).toHaveLength(1);
    // The first caller's one retry and each other caller exactly once.
    expect(log).toHaveLength(1 + keys.length);
    expect(new Set(log.slice(1).map((e) => e.path)).size).toBe(keys.length);
  }, 60_000);

  it('a Retry-After longer than a request may wait: every caller is answered 429 upstream_throttled at once, nothing sent', async () => {
    const keys = bigKeyIds.slice(40, 51);
    await untilNoOpenChanges({ appUrl: app.appUrl, cookie: await cookieFor(ALICE) });
    sim.clearLog();
    sim.setFaults({ status: 429, retryAfterSec: 9, times: 1, match: { method: 'GET' } });
    const first = await get(`/api/cosigners/${big}/api-keys/${keys[0]!}`);
    expect(first.status).toBe(429);
    expect(codeOf(first)).toBe('upstream_throttled');
    expect(first.headers.get('retry-after')).toBe('9');
    const started = Date.now();
    const others = await Promise.all(keys.slice(1).map((k) => get(`/api/cosigners/${big}/api-keys/${k}`)));
    expect(Date.now() - started).toBeLessThan(3_000);
    for (const a of others) {
      expect(a.status).toBe(429);
      expect(codeOf(a)).toBe('upstream_throttled');
      expect(Number(a.headers.get('retry-after'))).toBeGreaterThanOrEqual(7);
      expect(Number(a.headers.get('retry-after'))).toBeLessThanOrEqual(9);
    }
    expect(sim.requestLog()).toHaveLength(1);
    const text = (await scrape(`Bearer ${METRICS_TOKEN}`)).text;
    expect(metricValues(text, 'cosigner_console_rate_limit_rejections_total').get('{limit="fireblocks"}')).toBe(
      keys.length,
    );
    // Once the closure ends, reads flow again.
    await sleep(9_200 - (Date.now() - started));
    expect((await get(`/api/cosigners/${big}/api-keys/${keys[1]!}`)).status).toBe(200);
  }, 60_000);
});
