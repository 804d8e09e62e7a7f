import 'server-only';

/**
 * CSRF defence for state-changing requests. A browser's `Sec-Fetch-Site` is authoritative when present
 * and must be `same-origin`; without it (older browsers, scripts), `Origin` must equal APP_URL's origin
 * exactly. Neither header, or a foreign value, fails.
 */
export function isSameOriginRequest(headers: Headers, appUrl: URL): boolean {
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  return headers.get('origin') === appUrl.origin;
}
