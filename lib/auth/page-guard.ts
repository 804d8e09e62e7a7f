import 'server-only';

import { cache } from 'react';

import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';

import { getConfig } from '@/lib/config/env';
import { signInPath } from '@/lib/page-paths';

import { sessionCookie } from './cookies';
import { RETURN_TO_HEADER, safeReturnTo } from './return-to';
import { roleSatisfies, type Role } from './roles';
import type { Session } from './session';
import { sessionFromCookie } from './session-store';

/**
 * The session of the current page request, read from the cookie and the session's row on every request (never
 * from a header proxy.ts might have set, so a skipped proxy cannot vouch for a user); reading it also records the
 * activity that keeps the idle window open. Cached per render.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  const config = getConfig();
  const value = (await cookies()).get(sessionCookie(config).name)?.value;
  return sessionFromCookie(value, config.sessionSecret, Date.now());
});

export interface RequirePageSessionOptions {
  /** Minimum role; a viewer on an admin-only page gets a 404 so the page's existence is not confirmed. */
  role?: Role;
  /** Only for the "no access" page itself: a signed-in user without a mapped group may see it. */
  allowNoRole?: boolean;
  /** Where to come back after sign-in; defaults to the path proxy.ts recorded, else `/`. */
  returnTo?: string;
}

/**
 * Every page and layout calls this first. No (valid) session: redirect to sign-in. Signed in without a
 * mapped group: redirect to /no-access. Role too low: notFound().
 */
export async function requirePageSession(options: RequirePageSessionOptions = {}): Promise<Session> {
  const session = await getSession();
  if (!session) {
    const back = safeReturnTo(options.returnTo ?? (await headers()).get(RETURN_TO_HEADER));
    redirect(signInPath(back));
  }
  if (session.user.role === null) {
    if (options.allowNoRole) return session;
    redirect('/no-access');
  }
  if (options.role && !roleSatisfies(session.user.role, options.role)) notFound();
  return session;
}
