import { NextResponse, type NextRequest } from 'next/server';

import { sessionCookie } from '@/lib/auth/cookies';
import { RETURN_TO_HEADER } from '@/lib/auth/return-to';
import { sealSession, sessionMaxAgeSeconds, touchSession, unsealSession } from '@/lib/auth/session';
import { getConfig, type AppConfig } from '@/lib/config/env';
import { createNonce, securityHeaders } from '@/lib/security/headers';

/**
 * Runs (on the Node.js runtime, Next 16's default for proxy.ts) before every page and /auth/ request. It sets
 * the security headers with a fresh CSP nonce and slides the session's idle window on page navigations,
 * which Server Components cannot do because they cannot set cookies. It deliberately does NOT redirect
 * signed-out users: every page, layout and route checks the cookie itself (lib/auth/guard.ts,
 * lib/api/handler.ts), and keeping the proxy out of authorization lets tests/security/route-walk.test.ts
 * prove each of them does. It skips /api/ (see `config.matcher`): there lib/api/handler.ts sets the JSON API's
 * own security headers and slides the session, and the proxy's cost per call (~1.5 ms) is what the bench's
 * proxy-overhead budget cannot afford.
 */
export async function proxy(req: NextRequest): Promise<NextResponse> {
  const appConfig = getConfig();
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    production: appConfig.production,
    idpOrigin: new URL(appConfig.oidc.issuer).origin,
    https: appConfig.appUrl.protocol === 'https:',
  });
  const requestHeaders = new Headers(req.headers);
  // Next.js reads the nonce from the request's CSP header and stamps its own scripts with it.
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '');
  // For the few components that must pass it on themselves (next-themes' inline script).
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set(RETURN_TO_HEADER, `${req.nextUrl.pathname}${req.nextUrl.search}`);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  await slideSession(req, res, appConfig);
  return res;
}

/** Page navigations only: API routes slide it in withSession, and /auth/* sets or clears it itself. */
async function slideSession(req: NextRequest, res: NextResponse, config: AppConfig): Promise<void> {
  const path = req.nextUrl.pathname;
  if (req.method !== 'GET' || path.startsWith('/api/') || path.startsWith('/auth/')) return;
  const spec = sessionCookie(config);
  const now = Date.now();
  const session = await unsealSession(req.cookies.get(spec.name)?.value, config.sessionSecret, now);
  const touched = session && touchSession(session, now);
  if (!touched) return;
  const value = await sealSession(touched, config.sessionSecret);
  res.cookies.set({ name: spec.name, value, ...spec.attributes, maxAge: sessionMaxAgeSeconds(touched, now) });
  res.headers.set('Cache-Control', 'no-store');
}

export const config = {
  // Not /api/: JSON routes need no nonce and set their own headers (lib/api/api-headers.ts, next.config.js).
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
