import { afterAll, describe, expect, it } from 'vitest';

import { streamAuditEvents, verifyDatabaseChain } from '@/lib/audit/read';
import type { AuditEvent } from '@/lib/audit/audit-event-schema';
import { type Db } from '@/lib/db';
import { freshDbForEachTest } from '@/testing/db/fresh-db';
import { stopOwnPostgres, TEST_ENGINES } from '@/testing/db/test-databases';

import {
  hashSessionId,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_AFTER_MS,
  sealSessionId,
  sessionHandle,
  type SessionUser,
} from './session';
import {
  endOwnSession,
  browserRevokedAt,
  endOwnSessions,
  endSessionOfCookie,
  findLiveSession,
  listLiveSessions,
  recordRefusedSignIn,
  peekSessionFromCookie,
  sessionFromCookie,
  startSession,
  type SignedInUser,
} from './session-store';

afterAll(stopOwnPostgres);

const SECRET = 'a-test-session-secret-of-at-least-32-chars';
const ISS = 'https://idp.example.test';
const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);
const alice: SessionUser = { sub: 'alice', name: 'Alice', email: 'alice@example.test', role: 'admin' };
const nora: SessionUser = { sub: 'nora', name: 'Nora', email: 'nora@example.test', role: null };
const signedIn = (user: SessionUser, over: Partial<SignedInUser> = {}): SignedInUser => ({
  iss: ISS,
  user,
  authTime: T0 - 5000,
  ...over,
});

async function events(db: Db): Promise<AuditEvent[]> {
  const all: AuditEvent[] = [];
  for await (const e of streamAuditEvents(db)) all.push(e);
  return all;
}

describe.each(TEST_ENGINES)('session store on %s', (engine) => {
  let db: Db;
  freshDbForEachTest(engine, (fresh) => ({ db } = fresh));

  it('a sign-in writes the row (the id only as its hash) and its sign_in event in one go', async () => {
    const device = { userAgent: `Mozilla/5.0 ${'x'.repeat(600)}`, ip: '127.0.0.1', browserHash: 'b'.repeat(64) };
    const { id, session } = await startSession(db, { ...signedIn(alice), device }, T0);
    const rows = await db.kysely.selectFrom('sessions').selectAll().execute();
    expect(rows).toEqual([
      {
        id_hash: hashSessionId(id),
        iss: ISS,
        sub: 'alice',
        email: 'alice@example.test',
        name: 'Alice',
        role: 'admin',
        auth_time: new Date(T0 - 5000).toISOString(),
        created_at: new Date(T0).toISOString(),
        last_seen_at: new Date(T0).toISOString(),
        expires_at: new Date(T0 + SESSION_ABSOLUTE_MS).toISOString(),
        revoked_at: null,
        login_state_hash: null,
        // The User-Agent cut to 512 characters: what names the browser, not a log of whatever a client sends.
        user_agent: device.userAgent.slice(0, 512),
        ip: '127.0.0.1',
        browser_hash: 'b'.repeat(64),
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(session).toEqual({
      idHash: hashSessionId(id),
      iss: ISS,
      user: alice,
      authTime: T0 - 5000,
      createdAt: T0,
      lastSeenAt: T0,
      expiresAt: T0 + SESSION_ABSOLUTE_MS,
      device: { userAgent: device.userAgent.slice(0, 512), ip: '127.0.0.1' },
    });
    expect(await events(db)).toMatchObject([
      {
        seq: 1,
        kind: 'sign_in',
        actor: { iss: ISS, sub: 'alice', email: 'alice@example.test', name: 'Alice', role: 'admin' },
        detail: { role: 'admin', session: sessionHandle(session.idHash) },
      },
    ]);
  });

  it('a user without a mapped group gets a session (the no-access page) and a sign_in_refused event', async () => {
    const { id } = await startSession(db, signedIn(nora, { authTime: null }), T0);
    expect((await findLiveSession(db, id, T0 + 1000))?.user).toEqual(nora);
    expect(await events(db)).toMatchObject([
      { kind: 'sign_in_refused', actor: { sub: 'nora', role: null }, detail: { reason: 'no mapped group' } },
    ]);
  });

  it('a refusal of someone the IdP vouched for is recorded with that actor, and no session', async () => {
    await recordRefusedSignIn(db, signedIn(alice), 'a step-up sign-in came back without a fresh auth_time');
    expect(await events(db)).toMatchObject([
      {
        kind: 'sign_in_refused',
        actor: { iss: ISS, sub: 'alice', role: 'admin' },
        detail: { reason: 'a step-up sign-in came back without a fresh auth_time' },
      },
    ]);
    expect(await db.kysely.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('lives while used: idle after 30 min without activity, over 8 h after sign-in however active', async () => {
    const { id } = await startSession(db, signedIn(alice), T0);
    expect(await findLiveSession(db, id, T0 + SESSION_IDLE_MS - 1)).not.toBeNull();
    expect(await findLiveSession(db, id, T0 + SESSION_IDLE_MS)).toBeNull();
    expect(await findLiveSession(db, 'no-such-id', T0)).toBeNull();
    // Refuses what is dated in the future.
    expect(await findLiveSession(db, id, T0 - 1)).toBeNull();

    const active = await startSession(db, signedIn(alice), T0);
    const cookie = await sealSessionId(active.id, SECRET);
    for (let t = T0; t < T0 + SESSION_ABSOLUTE_MS; t += 20 * 60_000)
      expect(await sessionFromCookie(cookie, SECRET, t, db), String(t)).not.toBeNull();
    expect(await sessionFromCookie(cookie, SECRET, T0 + SESSION_ABSOLUTE_MS - 1, db)).not.toBeNull();
    expect(await sessionFromCookie(cookie, SECRET, T0 + SESSION_ABSOLUTE_MS, db)).toBeNull();
  });

  it('records activity at most once a minute', async () => {
    const { id, session } = await startSession(db, signedIn(alice), T0);
    const cookie = await sealSessionId(id, SECRET);
    const lastSeen = async () =>
      (
        await db.kysely
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('id_hash', '=', session.idHash)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    await sessionFromCookie(cookie, SECRET, T0 + SESSION_TOUCH_AFTER_MS - 1, db);
    expect(await lastSeen()).toBe(new Date(T0).toISOString());
    expect((await sessionFromCookie(cookie, SECRET, T0 + SESSION_TOUCH_AFTER_MS, db))?.lastSeenAt).toBe(
      T0 + SESSION_TOUCH_AFTER_MS,
    );
    expect(await lastSeen()).toBe(new Date(T0 + SESSION_TOUCH_AFTER_MS).toISOString());
  });

  it('a peek reads the live session without recording activity: it never extends the idle window', async () => {
    const { id } = await startSession(db, signedIn(alice), T0);
    const cookie = await sealSessionId(id, SECRET);
    const late = T0 + SESSION_IDLE_MS - 1;
    expect((await peekSessionFromCookie(cookie, SECRET, late, db))?.lastSeenAt).toBe(T0);
    expect(await peekSessionFromCookie(cookie, SECRET, T0 + SESSION_IDLE_MS, db)).toBeNull();
    // A real request just before the end does extend it.
    expect((await sessionFromCookie(cookie, SECRET, late, db))?.lastSeenAt).toBe(late);
    expect(await peekSessionFromCookie(cookie, SECRET, T0 + SESSION_IDLE_MS, db)).not.toBeNull();
  });

  it('sign-out revokes the row at once (a copy of the cookie is refused) and records sign_out, once', async () => {
    const mine = await startSession(db, signedIn(alice), T0);
    const other = await startSession(db, signedIn(alice), T0);
    const cookie = await sealSessionId(mine.id, SECRET);
    expect(await endSessionOfCookie(db, cookie, SECRET, T0 + 1000)).toBe(true);
    expect(await sessionFromCookie(cookie, SECRET, T0 + 2000, db)).toBeNull();
    expect(await findLiveSession(db, other.id, T0 + 2000)).not.toBeNull();
    expect(await endSessionOfCookie(db, cookie, SECRET, T0 + 3000)).toBe(false);
    expect(await endSessionOfCookie(db, undefined, SECRET, T0 + 3000)).toBe(false);
    const signOuts = (await events(db)).filter((e) => e.kind === 'sign_out');
    expect(signOuts).toMatchObject([
      {
        actor: { sub: 'alice', role: 'admin' },
        detail: { session: sessionHandle(mine.session.idHash), how: 'sign_out' },
      },
    ]);
  });

  it('lists a user’s own live sessions, newest first, and ends one by its handle or all but the current', async () => {
    const first = await startSession(db, signedIn(alice), T0);
    const second = await startSession(db, signedIn(alice), T0 + 1000);
    const third = await startSession(db, signedIn(alice), T0 + 2000);
    const stale = await startSession(db, signedIn(alice), T0 - SESSION_IDLE_MS);
    const elsewhere = await startSession(db, signedIn(alice, { iss: 'https://other-idp.example.test' }), T0);
    const bob = await startSession(db, signedIn({ ...alice, sub: 'bob', name: 'Bob' }), T0);
    const now = T0 + 5000;
    const owner = { iss: ISS, sub: 'alice' };
    expect((await listLiveSessions(db, owner, now)).map((s) => s.idHash)).toEqual(
      [third, second, first].map((s) => s.session.idHash),
    );

    // Someone else's handle is not mine to end.
    expect(await endOwnSession(db, first.session, sessionHandle(bob.session.idHash), now)).toBe(false);
    expect(await endOwnSession(db, first.session, sessionHandle(elsewhere.session.idHash), now)).toBe(false);
    expect(await endOwnSession(db, first.session, sessionHandle(second.session.idHash), now, 'req-1')).toBe(true);
    expect(await findLiveSession(db, second.id, now)).toBeNull();
    expect(await endOwnSession(db, first.session, sessionHandle(second.session.idHash), now)).toBe(false);

    expect(await endOwnSessions(db, first.session, { includeCurrent: false, requestId: 'req-2' }, now)).toBe(1);
    expect((await listLiveSessions(db, owner, now)).map((s) => s.idHash)).toEqual([first.session.idHash]);
    expect(await findLiveSession(db, bob.id, now)).not.toBeNull();
    expect(await findLiveSession(db, elsewhere.id, now)).not.toBeNull();
    expect(await endOwnSessions(db, first.session, { includeCurrent: true }, now)).toBe(1);
    expect(await listLiveSessions(db, owner, now)).toEqual([]);
    expect(await findLiveSession(db, stale.id, now)).toBeNull();

    const signOuts = (await events(db)).filter((e) => e.kind === 'sign_out');
    expect(signOuts.map((e) => [e.detail, e.requestId])).toEqual([
      [{ session: sessionHandle(second.session.idHash), how: 'ended_by_user' }, 'req-1'],
      [{ session: sessionHandle(third.session.idHash), how: 'ended_all' }, 'req-2'],
      [{ session: sessionHandle(first.session.idHash), how: 'ended_all' }, null],
    ]);
    expect(await verifyDatabaseChain(db)).toMatchObject({ ok: true });
  });

  it('knows a browser whose newest session was revoked, until it signs in again', async () => {
    const laptop = { userAgent: 'laptop', ip: null, browserHash: 'a'.repeat(64) };
    const desktop = { userAgent: 'desktop', ip: null, browserHash: 'd'.repeat(64) };
    expect(await browserRevokedAt(db, laptop.browserHash)).toBeNull();
    await startSession(db, { ...signedIn(alice), device: laptop }, T0);
    const here = await startSession(db, { ...signedIn(alice), device: desktop }, T0 + 1000);
    expect(await browserRevokedAt(db, laptop.browserHash)).toBeNull();
    // "Sign out everywhere else" from the desktop: the laptop's newest session is revoked, the desktop's is not.
    await endOwnSessions(db, here.session, { includeCurrent: false }, T0 + 2000);
    expect(await browserRevokedAt(db, laptop.browserHash)).toBe(T0 + 2000);
    expect(await browserRevokedAt(db, desktop.browserHash)).toBeNull();
    // Signed in again on the laptop: its newest session is live.
    await startSession(db, { ...signedIn(alice), device: laptop }, T0 + 3000);
    expect(await browserRevokedAt(db, laptop.browserHash)).toBeNull();
  });

  it('reads a session by its id cheaply (it runs on every request)', async () => {
    const { id } = await startSession(db, signedIn(alice), T0);
    const rounds = 500;
    for (let i = 0; i < 50; i += 1) await findLiveSession(db, id, T0 + 1000);
    const started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i += 1) await findLiveSession(db, id, T0 + 1000);
    const micros = Number(process.hrtime.bigint() - started) / 1000 / rounds;
    console.log(`session read by primary key on ${engine}: ${micros.toFixed(0)} µs mean over ${rounds}`);
    // Loose bounds for a shared 2-core machine; the measured value is what the log line is for.
    expect(micros).toBeLessThan(engine === 'sqlite' ? 1000 : 5000);
  });
});
