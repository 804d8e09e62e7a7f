import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ChangeResponse } from '@/lib/changes/change-api-schemas';
import { selfSignedCertificate, startTlsServer, type TlsTestServer } from '@/testing/upstream/tls-servers';

import { callApi } from '../../testing/app/api-client';
import { ALICE, BOB, VERA, type TestUser } from '../../testing/app/session-cookie';
import { newEntries, simLog } from '../../testing/app/sim-log';
import { codeOf, setupApiStack, type ApiStack } from '../../testing/app/api-stack';

// PREFLIGHT=warn and PREFLIGHT=off through the real production server (the default, block, is tests/api/preflight.
// test.ts). The same failing target each time: a server on loopback that presents a certificate other than the one
// pinned.
const warn = setupApiStack({
  port: Number(process.env.PREFLIGHT_WARN_PORT ?? 4316),
  keyIndex: 42,
  env: { PREFLIGHT: 'warn' },
});
const off = setupApiStack({
  port: Number(process.env.PREFLIGHT_OFF_PORT ?? 4317),
  keyIndex: 43,
  env: { PREFLIGHT: 'off' },
});

let server: TlsTestServer;
let pinnedPem: string;

beforeAll(async () => {
  const [pinned, presented] = await Promise.all([
    selfSignedCertificate({ ips: ['127.0.0.1'] }),
    selfSignedCertificate({ ips: ['127.0.0.1'] }),
  ]);
  pinnedPem = pinned.certPem;
  server = await startTlsServer(presented);
}, 60_000);
afterAll(() => server?.close());

const proposer: TestUser = { ...ALICE, sub: 'preflight-modes-proposer' };
const mismatched = () => ({ url: `https://127.0.0.1:${server.port}/fireblocks`, cert: pinnedPem });

async function propose(stack: ApiStack): Promise<ChangeResponse> {
  const res = await callApi(stack.app.appUrl, 'PATCH', stack.keyPath(), {
    cookie: await stack.cookieFor(proposer),
    body: JSON.stringify({ callbackHandler: mismatched() }),
  });
  expect(res.status, res.text).toBe(201);
  return (res.json as { change: ChangeResponse }).change;
}

const approve = async (stack: ApiStack, changeId: string) =>
  callApi(stack.app.appUrl, 'POST', `/api/changes/${changeId}/approve`, {
    cookie: await stack.cookieFor(BOB),
    body: '{}',
  });

const preflightMode = async (stack: ApiStack) =>
  (
    (await callApi(stack.app.appUrl, 'GET', '/api/me', { cookie: await stack.cookieFor(VERA) })).json as {
      preflightMode?: string;
    }
  ).preflightMode;

describe('PREFLIGHT=warn', () => {
  it('a failing target is shown on the proposal, and the approval sends all the same', async () => {
    expect(await preflightMode(warn)).toBe('warn');
    const change = await propose(warn);
    expect(change.preflight).toMatchObject({ verdict: 'fail', findings: [{ code: 'pin_mismatch' }] });

    const before = await simLog(warn.app.simUrl);
    const approved = await approve(warn, change.id);
    expect(approved.status, approved.text).toBe(202);
    const patches = newEntries(before, await simLog(warn.app.simUrl)).filter(
      (e) => e.method === 'PATCH' && e.path.endsWith(warn.target.apiKeyId),
    );
    expect(patches).toHaveLength(1);
  });
});

describe('PREFLIGHT=off', () => {
  it('nothing is probed: the proposal carries no check, the approval sends, on-demand checks are refused', async () => {
    expect(await preflightMode(off)).toBe('off');
    const handshakes = server.handshakes();
    const change = await propose(off);
    expect(change.preflight).toBeNull();
    const again = await callApi(off.app.appUrl, 'POST', `/api/changes/${change.id}/preflight`, {
      cookie: await off.cookieFor(BOB),
      body: '{}',
    });
    expect(again.status, again.text).toBe(409);
    expect(codeOf(again)).toBe('conflict');
    expect((await approve(off, change.id)).status).toBe(202);

    const typed = await callApi(off.app.appUrl, 'POST', '/api/callback-handler/preflight', {
      cookie: await off.cookieFor({ ...ALICE, sub: 'preflight-modes-typed' }),
      body: JSON.stringify({ callbackHandler: mismatched() }),
    });
    expect(typed.status, typed.text).toBe(409);
    expect(codeOf(typed)).toBe('conflict');
    expect(typed.text).toContain('PREFLIGHT=off');

    await server.settled();
    expect(server.handshakes()).toBe(handshakes);
  });
});
