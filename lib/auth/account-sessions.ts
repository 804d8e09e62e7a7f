import 'server-only';

import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

import { describeBrowser } from './describe-browser';
import { sessionHandle, type Session } from './session';
import type { SessionSummary } from './session-api-schemas';
import { sessionHandleSchema } from './session-api-schemas';
import { endOwnSession, endOwnSessions, listLiveSessions } from './session-store';

const iso = (ms: number) => new Date(ms).toISOString();

/** The signed-in user's live sessions (this issuer's), newest first, the current one marked. */
export async function mySessions(current: Session, now = Date.now()): Promise<SessionSummary[]> {
  const sessions = await listLiveSessions(getDb(), { iss: current.iss, sub: current.user.sub }, now);
  return sessions.map((s) => ({
    id: sessionHandle(s.idHash),
    createdAt: iso(s.createdAt),
    lastSeenAt: iso(s.lastSeenAt),
    expiresAt: iso(s.expiresAt),
    current: s.idHash === current.idHash,
    browser: describeBrowser(s.device.userAgent),
    ip: s.device.ip,
  }));
}

/** Ends one of the user's own sessions by its handle; 404 when they have no such live session (or it is not theirs). */
export async function endMySession(current: Session, handle: string, requestId: string): Promise<void> {
  const notFound = new AppError({ status: 404, code: 'not_found', message: 'No such session of yours is active.' });
  if (!sessionHandleSchema.safeParse(handle).success) throw notFound;
  if (!(await endOwnSession(getDb(), current, handle, Date.now(), requestId))) throw notFound;
}

/** "Sign out everywhere (else)": how many sessions ended. */
export function endMySessions(current: Session, includeCurrent: boolean, requestId: string): Promise<number> {
  return endOwnSessions(getDb(), current, { includeCurrent, requestId }, Date.now());
}
