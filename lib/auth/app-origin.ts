import { isLoopbackHost } from '@/lib/callback-handler/url-rules';

/**
 * Where a sign-in that started on another loopback name of this machine must start instead: `http://127.0.0.1:3000`
 * when APP_URL is `http://localhost:3000` (Next prints the one, the console the other). The sign-in cookie is set on
 * the host the browser asked, but the IdP returns to APP_URL, where that cookie does not exist, so the callback
 * would fail. Only loopback to loopback: behind a proxy the Host header is not ours to judge, and a redirect there
 * could loop.
 */
export function loopbackAliasRedirect(
  hostHeader: string | null,
  pathAndQuery: string,
  appUrl: URL | string,
): URL | null {
  if (!hostHeader) return null;
  const app = new URL(appUrl);
  let asked: URL;
  try {
    asked = new URL(`${app.protocol}//${hostHeader}`);
  } catch {
    return null;
  }
  if (asked.host === app.host || !isLoopbackHost(asked.hostname) || !isLoopbackHost(app.hostname)) return null;
  return new URL(pathAndQuery, app);
}
