import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rsa2048PublicKeyPem } from '../../testing/fixtures/pem-fixtures';
import { AUDIT_EVENTS } from '../audit-log';
import { AUTH, SIM } from '../http/error-codes';
import { buildSeed, seedApiUsers, seedSummary } from '../seed';
import { startSimulator } from '../server';
import { expectError, expectValid } from '../../testing/sim/expect-valid';
import { simCall } from '../../testing/sim/sim-call';
import { control, startTestSim, USER_A_KEY, USER_B_KEY, type TestSim } from '../../testing/sim/test-sim';
import type { SimApiUser, SimAuditLogEntry } from '../types';

const USERS = '/v1/management/api_users';
const LOGS = '/v1/management/audit_logs';
const s = seedSummary(1);

interface LogPage {
  data: SimAuditLogEntry[];
  cursor: string | null;
  total: number;
}

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ seed: 1, auditLogPageSize: 3, delays: { approveMs: 60_000, completeMs: 60_000 } });
});
afterAll(() => t.sim.close());

const users = async () =>
  (expectValid('GET', USERS, await t.call({ path: USERS }), 200) as { users: SimApiUser[] }).users;
const logPage = async (path: string) => expectValid('GET', path, await t.call({ path }), 200) as LogPage;

/** Every entry of a period, page by page through the cursor. */
async function allEntries(period: 'DAY' | 'WEEK'): Promise<{ entries: SimAuditLogEntry[]; pages: LogPage[] }> {
  const pages: LogPage[] = [];
  let cursor: string | null = null;
  do {
    pages.push(await logPage(`${LOGS}?timePeriod=${period}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    cursor = pages.at(-1)?.cursor ?? null;
  } while (cursor);
  return { entries: pages.flatMap((p) => p.data), pages };
}

describe('GET /v1/management/api_users', () => {
  it('names the API user of every seeded key but a few, deterministically, beside the callers themselves', async () => {
    const list = await users();
    const byId = new Map(list.map((u) => [u.id, u]));
    const keys = buildSeed(1).flatMap((c) => c.keys);
    const unnamed = keys.filter((k) => !byId.has(k.id));
    expect(unnamed.length).toBeGreaterThanOrEqual(1);
    expect(unnamed.length).toBeLessThan(keys.length / 10);
    expect(unnamed.map((k) => k.id)).toContain(s.keyWithoutApiUser.apiKeyId);
    expect(byId.get(s.keyWithPublicKey.apiKeyId)).toEqual({
      id: s.keyWithPublicKey.apiKeyId,
      name: 'Treasury payout bot',
      role: 'SIGNER',
      enabled: true,
      status: 'READY',
      userType: 'API',
    });
    // The same seed gives the same users, and the roles are Fireblocks' own.
    expect(list.filter((u) => u.id !== USER_A_KEY && u.id !== USER_B_KEY)).toEqual(seedApiUsers(1, buildSeed(1)));
    expect(list.filter((u) => u.role === 'SIGNER').length).toBeGreaterThan(list.length / 4);
    expect(byId.get(USER_A_KEY)).toEqual({
      id: USER_A_KEY,
      name: `API user ${USER_A_KEY.slice(0, 8)}`,
      role: 'NON_SIGNING_ADMIN',
      enabled: true,
      status: 'READY',
      userType: 'API',
    });
  });

  it('is verified like every /v1 request: no token is 401 -3, a token for another path 401 -4', async () => {
    expectError('GET', USERS, await t.call({ path: USERS, authorization: null }), 401, AUTH.missingJwt);
    const res = await t.call({ path: USERS, claims: { uri: '/v1/cosigners' } });
    expectError('GET', USERS, res, 401, AUTH.wrongUri);
    expectError('POST', USERS, await t.call({ method: 'POST', path: USERS, body: {} }), 405, SIM.methodNotAllowed);
  });
});

describe('GET /v1/management/audit_logs', () => {
  it('pages the seeded week newest first through its cursor; the last day holds only the newest', async () => {
    const week = await allEntries('WEEK');
    expect(week.pages.map((p) => p.data.length)).toEqual([3, 3]);
    expect(week.pages.map((p) => p.total)).toEqual([6, 6]);
    expect(week.pages.at(-1)?.cursor).toBeNull();
    const times = week.entries.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(week.entries.map((e) => e.id)).size).toBe(6);
    expect(times.every((ms) => ms > Date.now() - 7 * 86_400_000 && ms < Date.now())).toBe(true);
    expect(week.entries[0]).toMatchObject({
      user: expect.stringMatching(/@acme-capital\.example$/) as unknown,
      event: expect.any(String) as unknown,
      subject: expect.stringMatching(/^API key [0-9a-f-]{36} on Co-Signer ".+" \([0-9a-f-]{36}\)$/) as unknown,
    });
    const day = await allEntries('DAY');
    expect(day.entries).toEqual(week.entries.filter((e) => e.timestamp > Date.now() - 86_400_000));
    expect(day.entries.length).toBeGreaterThanOrEqual(1);
    expect(day.entries.length).toBeLessThan(6);
    // DAY is the default.
    expect((await logPage(LOGS)).data).toEqual(day.entries.slice(0, 3));
  });

  it('refuses a bad period, a repeated parameter, a made-up cursor and a cursor of the other period', async () => {
    const first = await logPage(`${LOGS}?timePeriod=WEEK`);
    const cursor = encodeURIComponent(first.cursor ?? '');
    for (const [path, code] of [
      [`${LOGS}?timePeriod=MONTH`, SIM.invalidQuery],
      [`${LOGS}?timePeriod=DAY&timePeriod=WEEK`, SIM.invalidQuery],
      [`${LOGS}?timePeriod=WEEK&cursor=not-a-cursor`, SIM.invalidCursor],
      [`${LOGS}?timePeriod=DAY&cursor=${cursor}`, SIM.invalidCursor],
    ] as const)
      expectError('GET', path, await t.call({ path }), 400, code);
  });

  it('records every PATCH it accepts, as the calling API user, and nothing for one it refuses', async () => {
    const ref = s.keyWithCert;
    const path = `/v1/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}`;
    const before = (await logPage(`${LOGS}?timePeriod=WEEK`)).total;
    const refused = await t.call({ method: 'PATCH', path, body: { callbackHandler: { url: 'http://plain.example' } } });
    expect(refused.status).toBe(400);
    expect((await logPage(`${LOGS}?timePeriod=WEEK`)).total).toBe(before);

    const sentAt = Date.now();
    const body = { callbackHandler: { url: 'https://moved.example.com/cb', publicKey: rsa2048PublicKeyPem() } };
    expect((await t.call({ method: 'PATCH', path, body, user: t.userB })).status).toBe(202);
    const newest = await logPage(LOGS);
    expect(newest.total).toBe((await allEntries('DAY')).entries.length);
    expect(newest.data[0]).toEqual({
      id: expect.any(String) as unknown,
      timestamp: expect.any(Number) as unknown,
      createdAt: newest.data[0]?.timestamp,
      user: `API user ${USER_B_KEY.slice(0, 8)}`,
      userId: USER_B_KEY,
      subject: `API key ${ref.apiKeyId} on Co-Signer "Treasury SGX" (${ref.cosignerId})`,
      event: AUDIT_EVENTS.handlerUpdateRequested,
      tenantId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    });
    expect(newest.data[0]?.timestamp).toBeGreaterThanOrEqual(sentAt);
    expect(new Set(newest.data.map((e) => e.tenantId)).size).toBe(1);
  });

  it('records a handler changed through the control route with `by`, and nothing without it', async () => {
    const ref = s.keyWithNoHandler;
    const control_ = `/_sim/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}/callback_handler`;
    const handler = { url: 'https://outside.example.net/cb', publicKey: rsa2048PublicKeyPem() };
    const before = (await logPage(LOGS)).total;
    expect((await control(t.sim, 'PUT', control_, handler)).status).toBe(200);
    expect((await logPage(LOGS)).total).toBe(before);
    expect((await control(t.sim, 'PUT', control_, { ...handler, by: 'dana@corp.example' })).status).toBe(200);
    const newest = (await logPage(LOGS)).data[0];
    expect(newest).toMatchObject({
      user: 'dana@corp.example',
      event: AUDIT_EVENTS.handlerUpdated,
      subject: expect.stringContaining(ref.apiKeyId) as unknown,
    });
    expect(newest?.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await control(t.sim, 'PUT', control_, { ...handler, by: '' })).status).toBe(400);
  });
});

describe('the 403 switches', () => {
  it('answer 403 on either endpoint, set by control route, read back, and cleared', async () => {
    expect((await control(t.sim, 'PUT', '/_sim/forbidden', { apiUsers: true })).json).toEqual({
      apiUsers: true,
      auditLogs: false,
    });
    expectError('GET', USERS, await t.call({ path: USERS }), 403, SIM.forbidden);
    expectValid('GET', LOGS, await t.call({ path: LOGS }), 200);
    await control(t.sim, 'PUT', '/_sim/forbidden', { auditLogs: true });
    expectValid('GET', USERS, await t.call({ path: USERS }), 200);
    expectError('GET', LOGS, await t.call({ path: LOGS }), 403, SIM.forbidden);
    expect((await control(t.sim, 'GET', '/_sim/forbidden')).json).toEqual({ apiUsers: false, auditLogs: true });
    expect((await control(t.sim, 'PUT', '/_sim/forbidden', { apiUsers: 'yes' })).status).toBe(400);
    await control(t.sim, 'PUT', '/_sim/forbidden', {});
    expectValid('GET', LOGS, await t.call({ path: LOGS }), 200);
  });

  it('can be on from start-up and flipped in code', async () => {
    const own = await startTestSim({ forbidden: { apiUsers: true, auditLogs: true } });
    try {
      expectError('GET', USERS, await own.call({ path: USERS }), 403, SIM.forbidden);
      expectError('GET', LOGS, await own.call({ path: LOGS }), 403, SIM.forbidden);
      own.sim.setForbidden({ auditLogs: true });
      expectValid('GET', USERS, await own.call({ path: USERS }), 200);
    } finally {
      await own.sim.close();
    }
  });
});

describe('registered API users', () => {
  it('take the name and role they are given', async () => {
    const own = await startSimulator({
      port: 0,
      apiUsers: [{ apiKey: USER_A_KEY, publicKeyPem: t.userA.publicKeyPem, name: 'Cosigner Console', role: 'ADMIN' }],
    });
    try {
      const listed = (await simCall(own.url, { path: USERS, user: t.userA })).json as { users: SimApiUser[] };
      expect(listed.users.find((u) => u.id === USER_A_KEY)).toMatchObject({ name: 'Cosigner Console', role: 'ADMIN' });
    } finally {
      await own.close();
    }
  });
});
