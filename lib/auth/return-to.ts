import 'server-only';

/**
 * Request header proxy.ts sets (overwriting any client value) to the requested path, so a page guard can
 * build `returnTo`. Only ever used as a redirect hint and re-validated by safeReturnTo: never as auth.
 */
export const RETURN_TO_HEADER = 'x-console-return-to';

const FALLBACK = '/';
const PROBE_ORIGIN = 'http://return-to.invalid';

/**
 * Where to send the user after sign-in. Only a same-origin relative path is accepted; anything that a
 * browser could read as another origin (`//evil`, `/\evil`, `https://…`), control characters, or a path
 * back into `/auth/` (a sign-in loop) falls back to `/`. Returns the normalised path, query and hash.
 */
export function safeReturnTo(raw: string | null | undefined): string {
  if (!raw || raw.length > 2048) return FALLBACK;
  // Browsers treat `\` like `/` and drop tabs/newlines inside URLs, so both could smuggle a host in.
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== PROBE_ORIGIN) return FALLBACK;
  if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
