import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AuditEvent } from '@/lib/audit/audit-event-schema';
import type { ChangeResponse, GetChangeResponse } from '@/lib/changes/change-api-schemas';
import type { PreflightResult } from '@/lib/preflight/preflight-schemas';
import { rsa2048PublicKeyPem } from '@/testing/fixtures/pem-fixtures';
import {
  closedPort,
  makeTestCa,
  selfSignedCertificate,
  startTcpServer,
  startTlsServer,
  type ServedCertificate,
  type TlsTestServer,
} from '@/testing/upstream/tls-servers';

import { callApi, type ApiAnswer } from '../../testing/app/api-client';
import { ALICE, BOB, VERA, type TestUser } from '../../testing/app/session-cookie';
import { newEntries, simLog } from '../../testing/app/sim-log';
import { codeOf, setupApiStack } from '../../testing/app/api-stack';

// The pre-flight check through the real production server: each verdict on proposal (in the 201's change and its
// change_proposed event), at approval (fresh, refusing a fail with the default PREFLIGHT=block, in change_approved),
// on demand (Check again), and for a typed handler, against TLS servers this file runs on loopback. The app trusts
// this file's CA through PREFLIGHT_CA_FILE; loopback is probed because its upstream is the simulator.
const ca = await makeTestCa('Preflight API Test CA');
const caDir = mkdtempSync(path.join(tmpdir(), 'preflight-ca-'));
const caFile = path.join(caDir, 'ca.pem');
writeFileSync(caFile, ca.certPem);

const stack = setupApiStack({
  port: Number(process.env.PREFLIGHT_API_PORT ?? 4308),
  keyIndex: 40,
  env: { PREFLIGHT_CA_FILE: caFile },
});
const servers: Array<{ close(): Promise<void> }> = [];
let keys: string[] = [];
let nextKey = 0;
let pinned: ServedCertificate;

beforeAll(async () => {
  const list = await callApi(
    stack.app.appUrl,
    'GET',
    `/api/cosigners/${stack.target.cosignerId}/api-keys?pageSize=100&order=ASC`,
    { cookie: await stack.cookieFor(ALICE) },
  );
  // Keys of the big cosigner on this file's own server (PREFLIGHT_CA_FILE makes it start one).
  keys = (list.json as { data: Array<{ id: string }> }).data.slice(41, 60).map((k) => k.id);
  pinned = await selfSignedCertificate({ ips: ['127.0.0.1'] });
}, 60_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serving(cert: ServedCertificate): Promise<TlsTestServer> {
  const server = await startTlsServer(cert);
  servers.push(server);
  return server;
}

/** A proposer per test: proposals are rate-limited per user (a burst of 5, then one every 12 s). */
let proposers = 0;
const nextProposer = (): TestUser => ({ ...ALICE, sub: `preflight-proposer-${++proposers}` });

const takeKey = () => keys[nextKey++] ?? '';
const keyPath = (apiKeyId: string) => `/api/cosigners/${stack.target.cosignerId}/api-keys/${apiKeyId}`;
const handlerAt = (port: number, auth: { cert: string } | { publicKey: string }) => ({
  url: `https://127.0.0.1:${port}/fireblocks`,
  ...auth,
});

async function propose(apiKeyId: string, callbackHandler: object): Promise<ChangeResponse> {
  const res = await callApi(stack.app.appUrl, 'PATCH', keyPath(apiKeyId), {
    cookie: await stack.cookieFor(nextProposer()),
    body: JSON.stringify({ callbackHandler }),
  });
  expect(res.status, res.text).toBe(201);
  return (res.json as { change: ChangeResponse }).change;
}

async function approve(changeId: string): Promise<ApiAnswer> {
  return callApi(stack.app.appUrl, 'POST', `/api/changes/${changeId}/approve`, {
    cookie: await stack.cookieFor(BOB),
    body: '{}',
  });
}

async function checkAgain(changeId: string, user: TestUser = BOB): Promise<ApiAnswer> {
  return callApi(stack.app.appUrl, 'POST', `/api/changes/${changeId}/preflight`, {
    cookie: await stack.cookieFor(user),
    body: '{}',
  });
}

async function getChange(changeId: string): Promise<GetChangeResponse['data']> {
  const res = await callApi(stack.app.appUrl, 'GET', `/api/changes/${changeId}`, {
    cookie: await stack.cookieFor(VERA),
  });
  expect(res.status, res.text).toBe(200);
  return (res.json as GetChangeResponse).data;
}

/** The check recorded in the key's event of `kind`. */
async function preflightInEvent(apiKeyId: string, kind: string): Promise<PreflightResult | undefined> {
  const res = await callApi(
    stack.app.appUrl,
    'GET',
    `/api/audit?cosignerId=${stack.target.cosignerId}&apiKeyId=${apiKeyId}&kind=${kind}&pageSize=10`,
    { cookie: await stack.cookieFor(VERA) },
  );
  expect(res.status, res.text).toBe(200);
  const detail = (res.json as { data: AuditEvent[] }).data[0]?.detail as { preflight?: PreflightResult } | null;
  return detail?.preflight;
}

const upstreamPatches = async (before: Awaited<ReturnType<typeof simLog>>, apiKeyId: string) =>
  newEntries(before, await simLog(stack.app.simUrl)).filter((e) => e.method === 'PATCH' && e.path.endsWith(apiKeyId));

const verdictOf = (change: ChangeResponse) => [
  change.preflight?.verdict,
  change.preflight?.findings.map((f) => f.code),
];

describe('fail: refused at approval with PREFLIGHT=block (the default)', () => {
  it('a pinned certificate the server does not present: shown on the proposal, approval 409, Check again after the fix passes, then approval sends', async () => {
    const server = await serving(await selfSignedCertificate({ ips: ['127.0.0.1'] }));
    const apiKeyId = takeKey();
    const change = await propose(apiKeyId, handlerAt(server.port, { cert: pinned.certPem }));
    expect(verdictOf(change)).toEqual(['fail', ['pin_mismatch']]);
    expect(change.preflight?.summary).toBe(
      `The server at 127.0.0.1:${server.port} presents a different certificate from the one pinned: the Co-Signer will refuse it.`,
    );
    expect(await preflightInEvent(apiKeyId, 'change_proposed')).toEqual(change.preflight);

    const before = await simLog(stack.app.simUrl);
    const refused = await approve(change.id);
    expect(refused.status, refused.text).toBe(409);
    expect(refused.json).toMatchObject({ error: { code: 'preflight_failed', changeId: change.id } });
    expect((await getChange(change.id)).state).toBe('awaiting_approval');
    expect(await upstreamPatches(before, apiKeyId)).toEqual([]);

    server.setCertificate(pinned);
    const rechecked = await checkAgain(change.id);
    expect(rechecked.status, rechecked.text).toBe(200);
    const data = (rechecked.json as GetChangeResponse).data;
    expect(data).toMatchObject({ id: change.id, state: 'awaiting_approval', preflight: { verdict: 'pass' } });
    // The answer is the change as the GET gives it.
    expect(data).toEqual(await getChange(change.id));

    const approved = await approve(change.id);
    expect(approved.status, approved.text).toBe(202);
    expect(await upstreamPatches(before, apiKeyId)).toHaveLength(1);
    expect(await preflightInEvent(apiKeyId, 'change_approved')).toMatchObject({ verdict: 'pass' });
  });

  it('an expired certificate (public key handler)', async () => {
    const server = await serving(await ca.issue({ ips: ['127.0.0.1'], fromDays: -90, untilDays: -1 }));
    const change = await propose(takeKey(), handlerAt(server.port, { publicKey: rsa2048PublicKeyPem() }));
    expect(verdictOf(change)).toEqual(['fail', ['cert_expired']]);
    expect(codeOf(await approve(change.id))).toBe('preflight_failed');
  });

  it('a certificate for another host', async () => {
    const server = await serving(await ca.issue({ hosts: ['pay.example.com'] }));
    const change = await propose(takeKey(), handlerAt(server.port, { publicKey: rsa2048PublicKeyPem() }));
    expect(verdictOf(change)).toEqual(['fail', ['host_not_named']]);
    expect(change.preflight?.summary).toContain('presents a certificate for pay.example.com, not for 127.0.0.1');
    expect(codeOf(await approve(change.id))).toBe('preflight_failed');
  });
});

describe('pass', () => {
  it('a public key handler behind a chain that verifies (PREFLIGHT_CA_FILE), checked afresh at approval', async () => {
    const server = await serving(await ca.issue({ ips: ['127.0.0.1'] }));
    const apiKeyId = takeKey();
    const change = await propose(apiKeyId, handlerAt(server.port, { publicKey: rsa2048PublicKeyPem() }));
    expect(verdictOf(change)).toEqual(['pass', []]);
    expect(change.preflight?.tls).toMatchObject({ chainVerified: true, namesHost: true });
    // Gone by the time of approval: the approval's own check says so (a warning, so it is approved all the same).
    await server.close();
    const approved = await approve(change.id);
    expect(approved.status, approved.text).toBe(202);
    expect(await preflightInEvent(apiKeyId, 'change_approved')).toMatchObject({
      verdict: 'warn',
      findings: [{ code: 'unreachable' }],
    });
  });
});

describe('warn: shown, approval allowed', () => {
  it("a self-signed chain for a public key handler names Fireblocks' requirement", async () => {
    const server = await serving(pinned);
    const change = await propose(takeKey(), handlerAt(server.port, { publicKey: rsa2048PublicKeyPem() }));
    expect(verdictOf(change)).toEqual(['warn', ['chain_unverified']]);
    expect(change.preflight?.summary).toContain('Fireblocks requires a CA-signed certificate');
    expect((await approve(change.id)).status).toBe(202);
  });

  it('a closed port: the Co-Signer network may differ', async () => {
    const change = await propose(takeKey(), handlerAt(await closedPort(), { cert: pinned.certPem }));
    expect(verdictOf(change)).toEqual(['warn', ['unreachable']]);
    expect(change.preflight?.summary).toContain("The Co-Signer's network may differ");
    expect((await approve(change.id)).status).toBe(202);
  });

  it('a server that resets the connection', async () => {
    const server = await startTcpServer('reset');
    servers.push(server);
    const change = await propose(takeKey(), handlerAt(server.port, { cert: pinned.certPem }));
    expect(verdictOf(change)).toEqual(['warn', ['unreachable']]);
  });

  it('a server that never answers the handshake: the proposal still answers within the 5 s budget', async () => {
    const server = await startTcpServer('silent');
    servers.push(server);
    const started = Date.now();
    const change = await propose(takeKey(), handlerAt(server.port, { cert: pinned.certPem }));
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(verdictOf(change)).toEqual(['warn', ['unreachable']]);
    expect(change.preflight?.summary).toContain('did not complete a TLS handshake within 5 seconds');
  }, 20_000);
});

describe('the routes that check on demand', () => {
  it('POST /api/callback-handler/preflight checks a typed handler, records nothing, and refuses bad input first', async () => {
    const server = await serving(pinned);
    const cookie = await stack.cookieFor({ ...ALICE, sub: 'preflight-typed' });
    const body = (callbackHandler: object) => JSON.stringify({ callbackHandler });
    const ok = await callApi(stack.app.appUrl, 'POST', '/api/callback-handler/preflight', {
      cookie,
      body: body(handlerAt(server.port, { cert: pinned.certPem })),
    });
    expect(ok.status, ok.text).toBe(200);
    expect((ok.json as { data: PreflightResult }).data).toMatchObject({ verdict: 'pass', port: server.port });

    const linkLocal = await callApi(stack.app.appUrl, 'POST', '/api/callback-handler/preflight', {
      cookie,
      body: body({ url: 'https://169.254.169.254/', publicKey: rsa2048PublicKeyPem() }),
    });
    expect(linkLocal.status).toBe(400);
    expect(codeOf(linkLocal)).toBe('bad_request');
    await server.settled();
    expect(server.applicationBytes()).toBe(0);
  });

  it('admin only, same-origin only, and rate-limited like a PATCH (a burst of 5)', async () => {
    const server = await serving(pinned);
    const body = JSON.stringify({ callbackHandler: handlerAt(server.port, { cert: pinned.certPem }) });
    const path = '/api/callback-handler/preflight';
    const viewer = await callApi(stack.app.appUrl, 'POST', path, { cookie: await stack.cookieFor(VERA), body });
    expect(viewer.status).toBe(403);
    const cookie = await stack.cookieFor({ ...ALICE, sub: 'preflight-burst' });
    const crossSite = await callApi(stack.app.appUrl, 'POST', path, {
      cookie,
      body,
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const handshakes = server.handshakes();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await callApi(stack.app.appUrl, 'POST', path, { cookie, body }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers[5]?.headers.get('retry-after')).toMatch(/^\d+$/);
    await server.settled();
    expect(server.handshakes() - handshakes).toBe(5);
  });

  it('Check again on a change: admins only, refused once the change no longer awaits approval', async () => {
    const server = await serving(pinned);
    const change = await propose(takeKey(), handlerAt(server.port, { cert: pinned.certPem }));
    expect((await checkAgain(change.id, VERA)).status).toBe(403);
    expect((await approve(change.id)).status).toBe(202);
    const late = await checkAgain(change.id);
    expect(late.status).toBe(409);
    expect(codeOf(late)).toBe('change_not_awaiting');
  });
});
