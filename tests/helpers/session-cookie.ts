import { sessionCookie } from '@/lib/auth/cookies';
import { newSession, sealSession } from '@/lib/auth/session';

export interface TestUser {
  sub: string;
  name: string;
  email: string;
  role: 'admin' | 'viewer' | null;
}

export const ALICE: TestUser = { sub: 'alice', name: 'Alice Admin', email: 'alice@example.com', role: 'admin' };
export const VERA: TestUser = { sub: 'vera', name: 'Vera Viewer', email: 'vera@example.com', role: 'viewer' };
export const NORA: TestUser = { sub: 'nora', name: 'Nora Nogroup', email: 'nora@example.com', role: null };

/**
 * A `Cookie` header carrying a real session: sealed with the app's own seal function and SESSION_SECRET, under the
 * name the app reads for its APP_URL (production server). The OIDC flow that normally mints it is tested elsewhere.
 */
export async function sessionCookieHeader(user: TestUser, o: { appUrl: string; secret: string }): Promise<string> {
  const { name } = sessionCookie({ production: true, appUrl: new URL(o.appUrl) });
  return `${name}=${await sealSession(newSession(user, Date.now()), o.secret)}`;
}
