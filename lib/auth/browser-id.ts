import 'server-only';

import { createHash, randomBytes } from 'node:crypto';

/**
 * A browser's own random id, in the `cc_browser` cookie (lib/auth/cookies.ts), kept across its sessions. It lets
 * sign-in know that the newest session this browser had was ended elsewhere ("sign out everywhere else"), so that
 * the browser must authenticate at the IdP again instead of riding the IdP's own session back in. It proves nothing
 * about anyone: a made-up id can only make its own browser's next sign-in ask for a password.
 */
export function newBrowserId(): string {
  return randomBytes(32).toString('base64url');
}

/** The id as the cookie carries it, or null when it is missing or of another shape. */
export function readBrowserId(value: string | undefined): string | null {
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** What the session rows keep: the id's SHA-256, never the id. */
export function hashBrowserId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Browsers keep a cookie at most 400 days. */
export const BROWSER_ID_MAX_AGE_SECONDS = 400 * 24 * 3600;
