import { NextResponse, type NextRequest } from 'next/server';

import { RETURN_TO_HEADER } from '@/lib/auth/return-to';
import { getConfig } from '@/lib/config/env';
import { createNonce, securityHeaders } from '@/lib/security/headers';

/**
 * Runs (on the Node.js runtime, Next 16's default for proxy.ts) before every page and /auth/ request. It sets
 * the security headers with a fresh CSP nonce. It deliberately does NOT read the session nor redirect signed-out
 * users: every page, layout and route checks the session itself (lib/auth/page-guard.ts, lib/api-routes/with-session.ts), which
 * also records activity in the session's row, and keeping the proxy out of authorization lets
 * tests/security/route-walk.test.ts prove each of them does. It skips /api/ (see `config.matcher`): there
 * lib/api-routes/with-session.ts sets the JSON API's own security headers, and the proxy's cost per call (~1.5 ms) is what the
 * bench's proxy-overhead budget cannot afford.
 */
export function proxy(req: NextRequest): NextResponse {
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
  return res;
}

export const config = {
  // Not /api/: JSON routes need no nonce and set their own headers (lib/api-routes/api-headers.ts, next.config.js).
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
