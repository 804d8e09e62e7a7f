import 'server-only';

import { appendAuditEvent } from '@/lib/audit/append';
import type { AuditActor } from '@/lib/audit/audit-event-schema';
import { getDb, transaction, type Db, type SessionRow, type Tx } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db/constraint-errors';

import {
  hashSessionId,
  newSessionId,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_AFTER_MS,
  sessionHandle,
  unsealSessionId,
  type Session,
  type SessionUser,
} from './session';

/** Who the IdP said signed in, as the callback hands it over. */
export interface SignedInUser {
  iss: string;
  user: SessionUser;
  /** Epoch ms of the IdP authentication (`auth_time`), when the ID token carries it. */
  authTime: number | null;
  /**
   * SHA-256 hex of the login state this sign-in came through (lib/auth/login-state.ts), kept on the row so that the
   * state makes one session only; null for a session made without one (tests).
   */
  loginStateHash?: string | null;
  /** The browser the sign-in came from, kept with the session only, to name it for its owner. */
  device?: SessionDevice;
}

/** What the sessions page shows of where a session lives; personal data, kept on the session's row only. */
interface SessionDevice {
  /** The User-Agent text at sign-in, cut to USER_AGENT_MAX characters. */
  userAgent: string | null;
  /** The address the sign-in came from (lib/auth/client-address.ts). */
  ip: string | null;
  /** SHA-256 hex of the browser's own random id (the `cc_browser` cookie). */
  browserHash: string | null;
}

/** A User-Agent is a few hundred characters; anything longer is cut rather than stored whole. */
const USER_AGENT_MAX = 512;

/** The login state a callback came with has already made a session: refused, and nothing is written. */
export class LoginStateUsedError extends Error {
  override name = 'LoginStateUsedError';
}

/** Whose sessions: a subject is unique only within its issuer. */
export type SessionOwner = Pick<Session, 'iss'> & { sub: string };

const ownerOf = (session: Session): SessionOwner => ({ iss: session.iss, sub: session.user.sub });

const iso = (ms: number) => new Date(ms).toISOString();
const ROLES = new Set(['admin', 'viewer']);

/** The row as a Session, or null when it holds a role this code does not know (fail closed). */
function sessionFromRow(row: SessionRow): Session | null {
  if (row.role !== null && !ROLES.has(row.role)) return null;
  return {
    idHash: row.id_hash,
    iss: row.iss,
    user: {
      sub: row.sub,
      name: row.name ?? row.sub,
      email: row.email ?? '',
      role: row.role as Session['user']['role'],
    },
    authTime: row.auth_time === null ? null : Date.parse(row.auth_time),
    createdAt: Date.parse(row.created_at),
    lastSeenAt: Date.parse(row.last_seen_at),
    expiresAt: Date.parse(row.expires_at),
    device: { userAgent: row.user_agent, ip: row.ip },
  };
}

/** Not revoked, not past its absolute end, not idle for 30 min, and nothing dated in the future. */
function isSessionLive(session: Session, revokedAt: string | null, now: number): boolean {
  if (revokedAt !== null) return false;
  if (session.createdAt > now || session.lastSeenAt < session.createdAt) return false;
  return now < session.expiresAt && now - session.lastSeenAt < SESSION_IDLE_MS;
}

/** The audit actor of a session's user, as the IdP named them at sign-in. */
function sessionActor(session: Pick<Session, 'iss' | 'user'>): AuditActor {
  const { sub, email, name, role } = session.user;
  return { iss: session.iss, sub, email: email || null, name: name || null, role };
}

/**
 * Inserts a new session's row and returns its id (for the cookie) with the session. Inside the caller's
 * transaction, so the sign-in event commits with it.
 */
export async function insertSession(
  tx: Tx,
  signedIn: SignedInUser,
  now: number,
): Promise<{ id: string; session: Session }> {
  const id = newSessionId();
  const { user } = signedIn;
  const row: SessionRow = {
    id_hash: hashSessionId(id),
    iss: signedIn.iss,
    sub: user.sub,
    email: user.email || null,
    name: user.name || null,
    role: user.role,
    auth_time: signedIn.authTime === null ? null : iso(signedIn.authTime),
    created_at: iso(now),
    last_seen_at: iso(now),
    expires_at: iso(now + SESSION_ABSOLUTE_MS),
    revoked_at: null,
    login_state_hash: signedIn.loginStateHash ?? null,
    user_agent: signedIn.device?.userAgent?.slice(0, USER_AGENT_MAX) || null,
    ip: signedIn.device?.ip ?? null,
    browser_hash: signedIn.device?.browserHash ?? null,
  };
  try {
    await tx.kysely.insertInto('sessions').values(row).execute();
  } catch (error) {
    // The unique login_state_hash: another callback (another replica, another code for the same state) was first.
    if (row.login_state_hash !== null && isUniqueViolation(error)) throw new LoginStateUsedError();
    throw error;
  }
  const session = sessionFromRow(row);
  if (!session) throw new Error(`session row for ${user.sub} holds an unknown role`);
  return { id, session };
}

/** Whether a session was already made from the login state with this hash (a read: refusing a reuse writes nothing). */
export async function loginStateUsed(db: Db, loginStateHash: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('sessions')
    .select('id_hash')
    .where('login_state_hash', '=', loginStateHash)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * When the newest session this browser made was revoked (ended from another browser, or signed out), else null:
 * its next sign-in must authenticate at the IdP again rather than ride the IdP's own session (lib/auth/sign-in-routes.ts).
 * One indexed read, at sign-in only.
 */
export async function browserRevokedAt(db: Db, browserHash: string): Promise<number | null> {
  const row = await db.kysely
    .selectFrom('sessions')
    .select('revoked_at')
    .where('browser_hash', '=', browserHash)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.revoked_at ? Date.parse(row.revoked_at) : null;
}

/** The live session a cookie's id names, else null. One primary-key read, on every request, on every replica. */
export async function findLiveSession(db: Db, id: string, now: number): Promise<Session | null> {
  const row = await db.kysely
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', hashSessionId(id))
    .executeTakeFirst();
  const session = row ? sessionFromRow(row) : null;
  return session && row && isSessionLive(session, row.revoked_at, now) ? session : null;
}

/**
 * Records activity for the idle rule: a write only when last_seen_at is a minute old or more, so a busy user
 * costs one write a minute, not one per request. Returns the session as it now stands.
 */
export async function touchSession(db: Db, session: Session, now: number): Promise<Session> {
  if (now - session.lastSeenAt < SESSION_TOUCH_AFTER_MS) return session;
  await db.kysely
    .updateTable('sessions')
    .set({ last_seen_at: iso(now) })
    .where('id_hash', '=', session.idHash)
    .where('revoked_at', 'is', null)
    .where('last_seen_at', '<', iso(now))
    .execute();
  return { ...session, lastSeenAt: now };
}

/** The session of a cookie value: unsealed, its row read and judged live, its activity recorded. Null otherwise. */
export async function sessionFromCookie(
  value: string | undefined,
  secret: string,
  now: number,
  db: Db = getDb(),
): Promise<Session | null> {
  const session = await peekSessionFromCookie(value, secret, now, db);
  return session && touchSession(db, session, now);
}

/**
 * The same without recording activity: for reads a page makes on its own (how long the session has left), which
 * must not keep an unattended session alive.
 */
export async function peekSessionFromCookie(
  value: string | undefined,
  secret: string,
  now: number,
  db: Db = getDb(),
): Promise<Session | null> {
  const id = await unsealSessionId(value, secret);
  return id ? findLiveSession(db, id, now) : null;
}

/**
 * Marks rows revoked (those not revoked already) and returns the ones that were still live, for the sign-out
 * events: a session that had already expired ends silently.
 */
async function revokeWhere(
  tx: Tx,
  where: { idHash?: string; owner?: SessionOwner; exceptIdHash?: string },
  now: number,
): Promise<Session[]> {
  let query = tx.kysely
    .updateTable('sessions')
    .set({ revoked_at: iso(now) })
    .where('revoked_at', 'is', null);
  if (where.idHash) query = query.where('id_hash', '=', where.idHash);
  if (where.owner) query = query.where('sub', '=', where.owner.sub).where('iss', '=', where.owner.iss);
  if (where.exceptIdHash) query = query.where('id_hash', '<>', where.exceptIdHash);
  const rows = await query.returningAll().execute();
  return rows.flatMap((row) => {
    const session = sessionFromRow(row);
    return session && isSessionLive(session, null, now) ? [session] : [];
  });
}

async function appendSignOuts(
  tx: Tx,
  ended: Session[],
  input: { actor: AuditActor; requestId?: string; how: SignOutHow },
): Promise<void> {
  for (const session of ended) {
    await appendAuditEvent(tx, {
      kind: 'sign_out',
      actor: input.actor,
      requestId: input.requestId ?? null,
      detail: { session: sessionHandle(session.idHash), how: input.how },
    });
  }
}

/**
 * How a session ended: its own sign-out, ended from the sessions page, among "sign out everywhere else", or replaced
 * by a new sign-in in the same browser (a step-up before an approval).
 */
export type SignOutHow = 'sign_out' | 'ended_by_user' | 'ended_all' | 'replaced';

/** Starts a session and records `sign_in` (or `sign_in_refused`, no mapped group: the no-access page) in one transaction. */
export async function startSession(
  db: Db,
  signedIn: SignedInUser,
  now: number,
): Promise<{ id: string; session: Session }> {
  return transaction(db, async (tx) => {
    const started = await insertSession(tx, signedIn, now);
    const handle = sessionHandle(started.session.idHash);
    const actor = sessionActor(started.session);
    await appendAuditEvent(
      tx,
      actor.role === null
        ? { kind: 'sign_in_refused', actor, detail: { reason: 'no mapped group', session: handle } }
        : { kind: 'sign_in', actor, detail: { role: actor.role, session: handle } },
    );
    return started;
  });
}

/**
 * A sign-in the IdP vouched for (its token answer checked: state, PKCE, nonce, ID token) that the console still
 * refuses: no session, the event names who the IdP said it was. Only ever after the IdP's proof, so that nobody can
 * write to the audit trail without signing in at the IdP (lib/auth/sign-in-routes.ts).
 */
export async function recordRefusedSignIn(db: Db, signedIn: SignedInUser, reason: string): Promise<void> {
  const { sub, email, name, role } = signedIn.user;
  const actor: AuditActor = { iss: signedIn.iss, sub, email: email || null, name: name || null, role };
  await transaction(db, (tx) => appendAuditEvent(tx, { kind: 'sign_in_refused', actor, detail: { reason } }));
}

/**
 * Sign-out (or a new sign-in replacing the browser's session): revokes the cookie's session and records `sign_out`
 * with `how`. Nothing is recorded for an unknown or ended one.
 */
export async function endSessionOfCookie(
  db: Db,
  value: string | undefined,
  secret: string,
  now: number,
  how: SignOutHow = 'sign_out',
): Promise<boolean> {
  const id = await unsealSessionId(value, secret);
  if (!id) return false;
  return transaction(db, async (tx) => {
    const ended = await revokeWhere(tx, { idHash: hashSessionId(id) }, now);
    const [session] = ended;
    if (session) await appendSignOuts(tx, ended, { actor: sessionActor(session), how });
    return ended.length > 0;
  });
}

/** The owner's sessions that are still live, newest first. */
export async function listLiveSessions(db: Db, owner: SessionOwner, now: number): Promise<Session[]> {
  const rows = await db.kysely
    .selectFrom('sessions')
    .selectAll()
    .where('sub', '=', owner.sub)
    .where('iss', '=', owner.iss)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', iso(now))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.flatMap((row) => {
    const session = sessionFromRow(row);
    return session && isSessionLive(session, row.revoked_at, now) ? [session] : [];
  });
}

/** Ends one of `current`'s user's own sessions by its public handle; false when they have no such live session. */
export async function endOwnSession(
  db: Db,
  current: Session,
  handle: string,
  now: number,
  requestId?: string,
): Promise<boolean> {
  const owner = ownerOf(current);
  const target = (await listLiveSessions(db, owner, now)).find((s) => sessionHandle(s.idHash) === handle);
  if (!target) return false;
  return transaction(db, async (tx) => {
    const ended = await revokeWhere(tx, { idHash: target.idHash, owner }, now);
    await appendSignOuts(tx, ended, { actor: sessionActor(current), requestId, how: 'ended_by_user' });
    return ended.length > 0;
  });
}

/** Ends every session of `current`'s user, but `current` itself unless `includeCurrent`; returns how many ended. */
export async function endOwnSessions(
  db: Db,
  current: Session,
  options: { includeCurrent: boolean; requestId?: string },
  now: number,
): Promise<number> {
  return transaction(db, async (tx) => {
    const ended = await revokeWhere(
      tx,
      { owner: ownerOf(current), exceptIdHash: options.includeCurrent ? undefined : current.idHash },
      now,
    );
    await appendSignOuts(tx, ended, { actor: sessionActor(current), requestId: options.requestId, how: 'ended_all' });
    return ended.length;
  });
}
