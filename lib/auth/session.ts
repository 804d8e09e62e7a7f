import 'server-only';

import { createHash, randomBytes } from 'node:crypto';

import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';

import type { Role } from './roles';

/** Absolute lifetime: a session ends 8 h after sign-in however active the user is. */
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;
/** Idle lifetime: 30 min without a request ends the session. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** The row's last_seen_at is rewritten at most this often, so a request does not cost a write. */
export const SESSION_TOUCH_AFTER_MS = 60 * 1000;

export interface SessionUser {
  sub: string;
  name: string;
  email: string;
  role: Role | null;
}

/**
 * A live session as read from its row (lib/auth/session-store.ts). The cookie carries only the random id; this is
 * what the server keeps, so it can end a session whatever the browser holds.
 */
export interface Session {
  /** SHA-256 hex of the cookie's session id: the row's key. */
  idHash: string;
  /** The IdP that signed the user in. */
  iss: string;
  user: SessionUser;
  /** Epoch ms the user last authenticated at the IdP (OIDC `auth_time`), when the IdP said. */
  authTime: number | null;
  /** Epoch ms of sign-in. */
  createdAt: number;
  /** Epoch ms of the last request recorded (at most a minute stale). */
  lastSeenAt: number;
  /** Epoch ms of the absolute end. */
  expiresAt: number;
  /** The browser and address it signed in from, when known (sessions made before they were kept have neither). */
  device: { userAgent: string | null; ip: string | null };
}

/** 32 random bytes, base64url: the bearer secret in the cookie. Only its hash is stored. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/**
 * The public handle of a session in the API and on the sessions page: the start of the hash, never the cookie's id,
 * so listing sessions hands out nothing that could be replayed.
 */
export function sessionHandle(idHash: string): string {
  return idHash.slice(0, 16);
}

const sealedSessionSchema = z.object({ kind: z.literal('session'), id: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** Seals a session id; the iron TTL caps the seal at the absolute lifetime even if the row check were skipped. */
export async function sealSessionId(id: string, secret: string): Promise<string> {
  return sealData({ kind: 'session', id }, { password: secret, ttl: SESSION_ABSOLUTE_MS / 1000 });
}

/** Enough for every user active at once on a console like this; the oldest entry goes first. */
const MEMO_MAX_ENTRIES = 1000;
const unsealedIds = new Map<string, { secret: string; id: string }>();

/**
 * The session id in a cookie value, or `null` when missing, tampered, expired (iron TTL) or of another shape.
 * Whether the session is live is the row's to say (lib/auth/session-store.ts), on every request.
 *
 * Unsealing (HMAC check and AES decryption through WebCrypto) costs ~0.3 ms, paid again on every call that carries
 * the same cookie, so ids already read are remembered. A hit needs the exact sealed string and the same secret, so
 * it proves what the first unseal proved. Only the id is kept, never the row: a revocation on another replica
 * still takes effect at the next request.
 */
export async function unsealSessionId(value: string | undefined, secret: string): Promise<string | null> {
  if (!value) return null;
  const hit = unsealedIds.get(value);
  if (hit && hit.secret === secret) return hit.id;
  let raw: unknown;
  try {
    raw = await unsealData<unknown>(value, { password: secret, ttl: SESSION_ABSOLUTE_MS / 1000 });
  } catch {
    return null;
  }
  const parsed = sealedSessionSchema.safeParse(raw);
  if (!parsed.success) return null;
  if (unsealedIds.size >= MEMO_MAX_ENTRIES) {
    const oldest = unsealedIds.keys().next();
    if (!oldest.done) unsealedIds.delete(oldest.value);
  }
  unsealedIds.set(value, { secret, id: parsed.data.id });
  return parsed.data.id;
}

/** When a live session ends: idle (extended by activity) and absolute, and seconds until the earlier. */
export function sessionDeadlines(
  session: Pick<Session, 'lastSeenAt' | 'expiresAt'>,
  now: number,
): { idleExpiresAt: string; expiresAt: string; secondsLeft: number } {
  const idleEnd = session.lastSeenAt + SESSION_IDLE_MS;
  return {
    idleExpiresAt: new Date(idleEnd).toISOString(),
    expiresAt: new Date(session.expiresAt).toISOString(),
    secondsLeft: Math.max(0, Math.floor((Math.min(idleEnd, session.expiresAt) - now) / 1000)),
  };
}

/** Seconds the cookie should live: until the absolute deadline (the idle rule is the row's). */
export function sessionMaxAgeSeconds(session: Pick<Session, 'expiresAt'>, now: number): number {
  return Math.max(0, Math.floor((session.expiresAt - now) / 1000));
}
