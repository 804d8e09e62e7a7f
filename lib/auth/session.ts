import 'server-only';

import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';

import type { Role } from './roles';
import { recallSession, rememberSession } from './unseal-memo';

/** Absolute lifetime: a session ends 8 h after sign-in however active the user is. */
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;
/** Idle lifetime: 30 min without a request ends the session. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** lastSeenAt is re-sealed at most this often, so each request does not rewrite the cookie. */
export const SESSION_REFRESH_AFTER_MS = 60 * 1000;

export interface SessionUser {
  sub: string;
  name: string;
  email: string;
  role: Role | null;
}

/** What the sealed cookie holds. Deliberately no OIDC tokens: the console never calls the IdP again. */
export interface Session {
  user: SessionUser;
  /** Epoch ms of sign-in. */
  createdAt: number;
  /** Epoch ms of the last request that refreshed the cookie. */
  lastSeenAt: number;
}

const sessionSchema = z.object({
  kind: z.literal('session'),
  user: z.object({
    sub: z.string().min(1),
    name: z.string(),
    email: z.string(),
    role: z.enum(['admin', 'viewer']).nullable(),
  }),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int(),
});

export function newSession(user: SessionUser, now: number): Session {
  return { user, createdAt: now, lastSeenAt: now };
}

/** Seals a session; the iron TTL caps the seal at the absolute lifetime even if our own checks were skipped. */
export async function sealSession(session: Session, secret: string): Promise<string> {
  return sealData({ kind: 'session', ...session }, { password: secret, ttl: SESSION_ABSOLUTE_MS / 1000 });
}

/**
 * Unseals and checks a cookie value. Tampered, foreign-shaped, expired (absolute or idle) and
 * future-dated sessions all give `null`: callers fail closed without telling the client why.
 */
export async function unsealSession(value: string | undefined, secret: string, now: number): Promise<Session | null> {
  if (!value) return null;
  const known = recallSession(value, secret);
  if (known) return isSessionLive(known, now) ? known : null;
  let raw: unknown;
  try {
    raw = await unsealData<unknown>(value, { password: secret, ttl: SESSION_ABSOLUTE_MS / 1000 });
  } catch {
    return null;
  }
  const parsed = sessionSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { user, createdAt, lastSeenAt } = parsed.data;
  const session: Session = { user, createdAt, lastSeenAt };
  rememberSession(value, secret, session);
  return isSessionLive(session, now) ? session : null;
}

export function isSessionLive(session: Session, now: number): boolean {
  if (session.createdAt > now || session.lastSeenAt > now || session.lastSeenAt < session.createdAt) return false;
  return now - session.createdAt < SESSION_ABSOLUTE_MS && now - session.lastSeenAt < SESSION_IDLE_MS;
}

/** A refreshed copy when lastSeenAt is stale enough to be worth a new cookie, else `null`. */
export function touchSession(session: Session, now: number): Session | null {
  if (now - session.lastSeenAt < SESSION_REFRESH_AFTER_MS) return null;
  return { ...session, lastSeenAt: now };
}

/** Seconds the cookie should live: until the absolute deadline (the idle rule is checked on read). */
export function sessionMaxAgeSeconds(session: Session, now: number): number {
  return Math.max(0, Math.floor((session.createdAt + SESSION_ABSOLUTE_MS - now) / 1000));
}
