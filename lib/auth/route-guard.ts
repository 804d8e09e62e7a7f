import 'server-only';

import type { NextRequest } from 'next/server';

import type { AppConfig } from '@/lib/config/env';
import { AppError } from '@/lib/errors/app-error';

import { getDb } from '@/lib/db';
import { sessionCookie } from './cookies';
import { roleSatisfies, type Role } from './roles';
import type { Session } from './session';

import { peekSessionFromCookie, sessionFromCookie, touchSession } from './session-store';

export interface RequireApiSessionOptions {
  role: Role;
  /** False: the request does not count as activity (the idle window is not extended). Default true. */
  recordsActivity?: boolean;
}

/**
 * The API side of the guard: reads the cookie from the request itself and the session's row, every time. No live
 * session (none, tampered, expired, revoked) is 401; a session without a mapped group, or below the required role,
 * is 403.
 */
export async function checkApiSession(
  req: NextRequest,
  options: RequireApiSessionOptions,
  config: Pick<AppConfig, 'production' | 'appUrl' | 'sessionSecret'>,
  now = Date.now(),
): Promise<Session> {
  const read = options.recordsActivity === false ? peekSessionFromCookie : sessionFromCookie;
  const session = await read(req.cookies.get(sessionCookie(config).name)?.value, config.sessionSecret, now);
  if (!session) throw new AppError({ status: 401, code: 'unauthenticated', message: 'Sign in to continue.' });
  if (!roleSatisfies(session.user.role, options.role)) {
    throw new AppError({ status: 403, code: 'forbidden', message: 'Your role does not allow this.' });
  }
  return session;
}

/** Records a request's activity on its session (the idle window), once the request was accepted. */
export function recordSessionActivity(session: Session, now = Date.now()): Promise<Session> {
  return touchSession(getDb(), session, now);
}
