import 'server-only';

import type { AppConfig } from '@/lib/config/env';

interface CookieAttributes {
  httpOnly: true;
  sameSite: 'lax';
  path: '/' | '/auth/logout' | '/auth';
  secure: boolean;
  maxAge?: number;
}

export interface CookieSpec {
  name: string;
  attributes: CookieAttributes;
}

/**
 * Cookie names and attributes. Rule: `Secure` and the `__Host-` prefix exactly when the app runs in
 * production on an https APP_URL. Browsers refuse `Secure` cookies (and so `__Host-` names) from plain
 * http origins, so the http loopback dev/test setup uses a plain name without `Secure`. `__Host-` also
 * forbids a Domain attribute and requires Path=/, which pins the cookie to this exact host.
 */
function cookieSpec(base: string, config: Pick<AppConfig, 'production' | 'appUrl'>): CookieSpec {
  const secure = config.production && config.appUrl.protocol === 'https:';
  return {
    name: secure ? `__Host-${base}` : base,
    attributes: { httpOnly: true, sameSite: 'lax', path: '/', secure },
  };
}

/** The session cookie. SameSite=Lax so the top-level redirect back from the IdP still carries it. */
export function sessionCookie(config: Pick<AppConfig, 'production' | 'appUrl'>): CookieSpec {
  return cookieSpec('cc_session', config);
}

/** The short-lived sign-in transaction cookie (PKCE verifier, state, nonce, returnTo). */
export function loginCookie(config: Pick<AppConfig, 'production' | 'appUrl'>): CookieSpec {
  return cookieSpec('cc_login', config);
}

/**
 * The ID token kept for sign-out's id_token_hint (lib/auth/logout-hint.ts), apart from the session so that the
 * session stays token-free and small. Path=/auth/logout: browsers send it with the sign-out POST only. `__Host-`
 * requires Path=/, so the secure name takes `__Secure-` (Secure, no Domain attribute: still this host only).
 */
export function logoutHintCookie(config: Pick<AppConfig, 'production' | 'appUrl'>): CookieSpec {
  const { attributes } = cookieSpec('cc_logout_hint', config);
  return {
    name: attributes.secure ? '__Secure-cc_logout_hint' : 'cc_logout_hint',
    attributes: { ...attributes, path: '/auth/logout' },
  };
}

/**
 * The browser's own random id (lib/auth/browser-id.ts), kept across sessions so that a browser whose session was
 * ended elsewhere is known again at its next sign-in, however long after. Path=/auth: sent to sign-in and its
 * callback only. Like the hint, `__Secure-` rather than `__Host-` (which requires Path=/).
 */
export function browserCookie(config: Pick<AppConfig, 'production' | 'appUrl'>): CookieSpec {
  const { attributes } = cookieSpec('cc_browser', config);
  return {
    name: attributes.secure ? '__Secure-cc_browser' : 'cc_browser',
    attributes: { ...attributes, path: '/auth' },
  };
}
