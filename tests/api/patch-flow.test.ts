import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { certPublicKeyHash } from '@/lib/callback-handler/fingerprint';
import { otherHostCertPem } from '@/testing/fixtures/pem-fixtures';

import { callApi } from '../../testing/app/api-client';
import { untilNoOpenChanges } from '../../testing/app/change-view';
import { ALICE, NORA, VERA, type TestUser } from '../../testing/app/session-cookie';
import { codeOf, fieldsOf, setupApiStack } from '../../testing/app/api-stack';
import { GOOD_URL } from '../../testing/app/bad-input-cases';

// The PATCH's guards (session, role, origin, content type, rate limit), a good change followed to COMPLETED, and
// the smaller routes, against the real production server and simulator. CHANGE_APPROVALS=0: each change is sent at
// once (the approval flow: approvals-flow.test.ts).
const stack = setupApiStack({ port: 4301, keyIndex: 78, env: { CHANGE_APPROVALS: '0' } });
const INSPECT = '/api/callback-handler/inspect';
const anyString: unknown = expect.any(String);

describe('PATCH guards', () => {
  const guarded = async (user: TestUser | null, headers: Record<string, string | null>) => {
    const cookie = user ? await stack.cookieFor(user) : undefined;
    return stack.observed(() =>
      callApi(stack.app.appUrl, 'PATCH', stack.keyPath(), { cookie, body: stack.validBody(), headers }),
    );
  };

  it.each([
    ['no session', null, {}, 401],
    ['a viewer', VERA, {}, 403],
    ['a user without a role', NORA, {}, 403],
    ['a foreign Origin', ALICE, { origin: 'https://evil.example' }, 403],
    ['neither Origin nor Sec-Fetch-Site', ALICE, { origin: null }, 403],
    ['Sec-Fetch-Site: cross-site', ALICE, { 'sec-fetch-site': 'cross-site' }, 403],
    ['a text/plain body', ALICE, { 'content-type': 'text/plain' }, 415],
    ['a form-encoded body', ALICE, { 'content-type': 'application/x-www-form-urlencoded' }, 415],
  ] as const)('refuses %s', async (_name, user, headers, status) => {
    const { answer, upstream } = await guarded(user, headers);
    expect(answer.status, answer.text).toBe(status);
    expect(codeOf(answer)).toMatch(/\S/);
    expect(upstream).toEqual([]);
  });

  it('accepts a good change (202), passes the ids through, and the request reaches COMPLETED', async () => {
    const { app } = stack;
    const cookie = await stack.cookieFor(ALICE);
    const res = await callApi(app.appUrl, 'PATCH', stack.keyPath(), {
      cookie,
      body: stack.validBody(),
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status, res.text).toBe(202);
    const body = res.json as {
      change: { apiKeyId: string; state: string; fireblocks: { requestId: string } };
      requestId: string;
      fireblocksRequestId: string;
    };
    expect(body.change).toMatchObject({
      apiKeyId: stack.target.apiKeyId,
      state: 'sent',
      fireblocks: { requestId: body.requestId },
    });
    expect(body.requestId).toMatch(/\S/);
    expect(res.headers.get('x-fireblocks-request-id')).toBe(body.fireblocksRequestId);
    expect(res.headers.get('cache-control')).toBe('no-store, no-transform');

    const statusPath = `${stack.keyPath()}/requests/${body.requestId}`;
    const seen: string[] = [];
    // Reads the request status through the console; the simulator moves it on by itself (the test timeout bounds this).
    while (!['COMPLETED', 'REJECTED', 'CANCELLED'].includes(seen.at(-1) ?? '')) {
      const poll = await callApi(app.appUrl, 'GET', statusPath, { cookie });
      expect(poll.status, poll.text).toBe(200);
      const state = (poll.json as { data: { status: string; type: string } }).data;
      expect(state.type).toBe('UPDATE_CALLBACK_HANDLER');
      if (seen.at(-1) !== state.status) seen.push(state.status);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen.at(-1)).toBe('COMPLETED');
    // That read records nothing: the background worker closes the console's change on its own, within a pass or two.
    await untilNoOpenChanges({ appUrl: app.appUrl, cookie });
    const key = await callApi(app.appUrl, 'GET', stack.keyPath(), { cookie });
    expect((key.json as { data: { callbackHandler: unknown } }).data.callbackHandler).toEqual({
      url: GOOD_URL,
      certPublicKeyHash: certPublicKeyHash(stack.pems.cert),
    });
  });

  it('rate-limits changes per user: the 6th within a minute is 429 with Retry-After', async () => {
    // A user of its own, so the other tests' changes do not count against it. The first change holds the key, so the
    // next four are 409 change_open: they count all the same (the limit is checked before the change record).
    const cookie = await stack.cookieFor({ ...ALICE, sub: `rate-${randomUUID()}` });
    const send = () => callApi(stack.app.appUrl, 'PATCH', stack.keyPath(), { cookie, body: stack.validBody() });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await send()).status);
    expect(statuses).toEqual([202, 409, 409, 409, 409]);
    // Until its change ends, the background worker asks Fireblocks about it: not this request's doing.
    await untilNoOpenChanges({ appUrl: stack.app.appUrl, cookie: await stack.cookieFor(ALICE) });
    const { answer, upstream } = await stack.observed(send);
    expect(answer.status).toBe(429);
    expect(codeOf(answer)).toBe('rate_limited');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(upstream).toEqual([]);
  });
});

describe('inspect', () => {
  it('reports a pasted private key without echoing it, and calls nothing upstream', async () => {
    const cookie = await stack.cookieFor(VERA);
    const pem = stack.pems.privatePkcs8;
    const body = JSON.stringify({ url: GOOD_URL, publicKey: pem });
    const { answer, upstream } = await stack.observed(() =>
      callApi(stack.app.appUrl, 'POST', INSPECT, { cookie, body }),
    );
    expect(answer.status, answer.text).toBe(200);
    const data = (answer.json as { data: { ok: boolean; errors: Record<string, string> } }).data;
    expect(data.ok).toBe(false);
    expect(data.errors.publicKey).toMatch(/\S/);
    expect(answer.text).not.toContain('PRIVATE KEY');
    for (const line of pem.split('\n').filter((l) => l.length > 20)) expect(answer.text).not.toContain(line);
    expect(upstream).toEqual([]);
  });

  it('calls a certificate that does not cover the host an error on cert (the PATCH refuses it too)', async () => {
    const cookie = await stack.cookieFor(VERA);
    const body = JSON.stringify({ url: GOOD_URL, cert: await otherHostCertPem() });
    const answer = await callApi(stack.app.appUrl, 'POST', INSPECT, { cookie, body });
    expect(answer.status, answer.text).toBe(200);
    const data = (
      answer.json as { data: { ok: boolean; errors: Record<string, string>; cert: { coversHost: boolean } } }
    ).data;
    expect(data.ok).toBe(false);
    expect(data.cert.coversHost).toBe(false);
    expect(data.errors.cert).toMatch(/does not cover .*The Co-Signer would fail to connect\./);
  });

  it('refuses a foreign Origin and unknown fields', async () => {
    const cookie = await stack.cookieFor(VERA);
    const foreign = await callApi(stack.app.appUrl, 'POST', INSPECT, {
      cookie,
      body: '{}',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const unknown = await callApi(stack.app.appUrl, 'POST', INSPECT, { cookie, body: '{"pem":"x"}' });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown).pem).toMatch(/\S/);
  });
});

describe('other routes', () => {
  it('GET /api/me answers name, email, role, simulated, the sign-in time against the step-up age, PREFLIGHT', async () => {
    const signedIn = Date.now();
    const me = await callApi(stack.app.appUrl, 'GET', '/api/me', { cookie: await stack.cookieFor(VERA) });
    expect(me.json).toEqual({
      name: VERA.name,
      email: VERA.email,
      role: 'viewer',
      simulated: true,
      authTime: anyString,
      stepUpMaxAgeSeconds: 300,
      stepUpSecondsLeft: expect.any(Number) as unknown,
      preflightMode: 'block',
    });
    // Signed in just now: the sign-in counts for approving for about the whole STEP_UP_MAX_AGE.
    expect((me.json as { stepUpSecondsLeft: number }).stepUpSecondsLeft).toBeGreaterThan(240);
    // The minted session's auth_time is its sign-in (the helper's default), within the test's few seconds.
    expect(Math.abs(Date.parse((me.json as { authTime: string }).authTime) - signedIn)).toBeLessThan(60_000);
  });

  it('GET /api/health needs no session and reveals nothing', async () => {
    const health = await callApi(stack.app.appUrl, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.json).toEqual({ ok: true });
  });

  it('lists answer { data, next, apiUsers } with the requested page size', async () => {
    const list = await callApi(
      stack.app.appUrl,
      'GET',
      `/api/cosigners/${stack.target.cosignerId}/api-keys?pageSize=7`,
      {
        cookie: await stack.cookieFor(VERA),
      },
    );
    const body = list.json as { data: unknown[]; next: string | null; apiUsers: { available: boolean } };
    expect(Object.keys(body).sort()).toEqual(['apiUsers', 'data', 'next']);
    expect(body.apiUsers).toEqual({ available: true });
    expect(body.data).toHaveLength(7);
    expect(body.next).toEqual(expect.any(String));
  });
});
