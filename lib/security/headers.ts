import 'server-only';

export interface SecurityHeaderOptions {
  /** Fresh per request; Next.js reads it from the request's CSP header and stamps its own scripts. */
  nonce: string;
  /** `next dev` needs 'unsafe-eval' (React's dev tooling); production never gets it. */
  production: boolean;
  /** The IdP's origin: the sign-out form's POST to /auth/logout is redirected to its end_session_endpoint, which form-action governs. */
  idpOrigin: string;
  /** upgrade-insecure-requests only when APP_URL is https (it would break an http loopback production run). */
  https: boolean;
}

/**
 * The Content-Security-Policy. Scripts need the nonce ('strict-dynamic' lets Next's nonce'd loader pull
 * its chunks). Styles allow 'unsafe-inline' for the style attributes React and Next.js may render; CSS cannot run
 * script, and adding a nonce there would make browsers ignore 'unsafe-inline'.
 */
export function contentSecurityPolicy(o: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.production ? '' : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${o.idpOrigin}`,
    "frame-ancestors 'none'",
    ...(o.production && o.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

// Browsers ignore HSTS received over plain http, so sending it in every production response is safe.
const HSTS = { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' };

/** Headers every page and sign-in route gets (set by proxy.ts, which /api/ skips: see apiSecurityHeaders). */
export function securityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(o),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(o.production ? HSTS : {}),
  };
}

/** A JSON answer never loads or runs anything, so its policy allows nothing and needs no nonce. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers every /api/ response gets, errors and 401s included (lib/api-routes/with-session.ts stamps them; proxy.ts
 * does not run on /api/, to keep the hop cheap). The same values, minus HSTS, are also in next.config.js
 * for the answers Next gives itself there (404 for an unknown path, 405 for a wrong method, OPTIONS).
 */
export function apiSecurityHeaders(production: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': API_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    // Every API answer is per-user or live state: never cache it anywhere. no-transform keeps gzip (Next's and any
    // proxy's) off: most answers are a few KB, where gzip costs more time than it saves (lib/api-routes/api-headers.ts).
    'Cache-Control': 'no-store, no-transform',
    ...(production ? HSTS : {}),
  };
}

/** 128 random bits, base64: unguessable, and valid inside a CSP source expression. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
