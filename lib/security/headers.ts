import 'server-only';

export interface SecurityHeaderOptions {
  /** Fresh per request; Next.js reads it from the request's CSP header and stamps its own scripts. */
  nonce: string;
  /** `next dev` needs 'unsafe-eval' (React's dev tooling); production never gets it. */
  production: boolean;
  /** The IdP's origin: a form that posts to /auth/login may be redirected there, which form-action governs. */
  idpOrigin: string;
  /** upgrade-insecure-requests only when APP_URL is https (it would break an http loopback production run). */
  https: boolean;
}

/**
 * The Content-Security-Policy. Scripts need the nonce ('strict-dynamic' lets Next's nonce'd loader pull
 * its chunks). Styles allow 'unsafe-inline' because React style attributes and the toast library inject
 * inline styles; CSS cannot run script, and adding a nonce there would make browsers ignore 'unsafe-inline'.
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

/** Headers every response gets (pages, API, sign-in routes). */
export function securityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(o),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Browsers ignore HSTS received over plain http, so sending it in every production response is safe.
    ...(o.production ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** 128 random bits, base64: unguessable, and valid inside a CSP source expression. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
