import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDb, insertChange, transaction, type ChangeState, type Db } from '@/lib/db';

import { callApi } from '../helpers/api-client';
import { ALICE, NORA, sessionCookieHeader, VERA, type TestUser } from '../helpers/session-cookie';
import { startTestApp, type TestApp } from '../helpers/start-app';

// GET /api/changes/waiting through the real production server and its database: changes awaiting approval that
// someone else proposed. A server of its own, so no other suite's proposals change the counts.
const BOB: TestUser = { ...ALICE, sub: 'bob', name: 'Bob Admin', email: 'bob@example.com' };
const CAROL: TestUser = { ...ALICE, sub: 'carol', name: 'Carol Admin', email: 'carol@example.com' };
let app: TestApp;
let db: Db;

beforeAll(async () => {
  app = await startTestApp({ port: Number(process.env.WAITING_TEST_PORT ?? 4307), env: { CHANGE_APPROVALS: '1' } });
  db = createDb({ dataDir: app.dataDir });
}, 600_000);

afterAll(async () => {
  await db?.close();
  await app?.close();
});

/** A change as proposeChange records it, written to the app's own database. */
const record = (proposer: TestUser, state: ChangeState) =>
  transaction(db, (tx) =>
    insertChange(tx, {
      id: randomUUID(),
      cosigner_id: 'waiting-test-cosigner',
      api_key_id: randomUUID(),
      state,
      proposer: JSON.stringify({ iss: 'http://idp.test.invalid', ...proposer }),
      proposer_sub: proposer.sub,
      approver: null,
      approver_sub: null,
      reason: null,
      before_handler: 'null',
      after_handler: JSON.stringify({ url: 'https://callbacks.example.com/x', mode: 'publicKey' }),
      fireblocks_request_id: null,
      fireblocks_x_request_id: null,
      last_fireblocks_status: null,
      decided_reason: null,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      closed_at: null,
    }),
  );

async function waitingFor(user: TestUser) {
  const cookie = await sessionCookieHeader(user, {
    appUrl: app.appUrl,
    secret: app.sessionSecret,
    dataDir: app.dataDir,
  });
  return callApi(app.appUrl, 'GET', '/api/changes/waiting', { cookie });
}

describe('GET /api/changes/waiting', () => {
  it('counts the changes awaiting approval proposed by someone else; 0 for a viewer', async () => {
    expect((await waitingFor(BOB)).json).toEqual({ count: 0 });
    await record(ALICE, 'awaiting_approval');
    await record(ALICE, 'awaiting_approval');
    await record(BOB, 'awaiting_approval');
    await record(ALICE, 'declined');

    const bob = await waitingFor(BOB);
    expect(bob.status).toBe(200);
    expect(bob.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(bob.json).toEqual({ count: 2 });
    expect((await waitingFor(ALICE)).json).toEqual({ count: 1 });
    expect((await waitingFor(CAROL)).json).toEqual({ count: 3 });
    expect((await waitingFor(VERA)).json).toEqual({ count: 0 });
  });

  it('refuses a user without a role (403) and a request without a session (401)', async () => {
    expect((await waitingFor(NORA)).status).toBe(403);
    const anonymous = await callApi(app.appUrl, 'GET', '/api/changes/waiting');
    expect(anonymous.status).toBe(401);
  });
});
