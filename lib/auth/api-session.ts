import 'server-only';

import type { NextRequest } from 'next/server';

import type { AppConfig } from '@/lib/config/env';
import { AppError } from '@/lib/errors/app-error';

import { sessionCookie } from './cookies';
import { roleSatisfies, type Role } from './roles';
import { unsealSession, type Session } from './session';

export interface RequireApiSessionOptions {
  role: Role;
}

/**
 * The API side of the guard: reads the cookie from the request itself, every time. No valid session is
 * 401; a session without a mapped group, or below the required role, is 403.
 */
export async function checkApiSession(
  req: NextRequest,
  options: RequireApiSessionOptions,
  config: Pick<AppConfig, 'production' | 'appUrl' | 'sessionSecret'>,
  now = Date.now(),
): Promise<Session> {
  const session = await unsealSession(req.cookies.get(sessionCookie(config).name)?.value, config.sessionSecret, now);
  if (!session) throw new AppError({ status: 401, code: 'unauthenticated', message: 'Sign in to continue.' });
  if (!roleSatisfies(session.user.role, options.role)) {
    throw new AppError({ status: 403, code: 'forbidden', message: 'Your role does not allow this.' });
  }
  return session;
}
