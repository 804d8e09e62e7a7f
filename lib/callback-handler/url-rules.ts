/**
 * The callback URL rules of docs/callback-handler-rules.md, as plain functions shared by the zod schemas (browser and
 * server) and the server-side inspection. Browser-safe: WHATWG `URL` only.
 */
import { blockedAddressKind, type BlockedAddress } from './host-address';

export const URL_MAX_CHARS = 2048;

const BLOCKED_ADDRESS_MESSAGES: Record<BlockedAddress, string> = {
  'link-local':
    "This is a link-local address (169.254.x.x or fe80::), which the Co-Signer cannot reach as a handler. Use the handler's routable address or host name.",
  unspecified:
    "0.0.0.0 (any 0.x.x.x) and :: are not addresses a handler can be called at. Use the handler's address or host name.",
};

export interface UrlRuleOptions {
  /** Plain http to a loopback host, only while the upstream is the simulator. */
  allowLoopbackHttp: boolean;
}

/** The routes the Co-Signer appends to the configured URL (docs/fireblocks.md), longest first. */
export const CALLBACK_ROUTES = [
  '/v2/config_change_sign_request',
  '/config_change_sign_request',
  '/v2/tx_sign_request',
  '/tx_sign_request',
] as const;

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * Returns the user-facing message for the first rule `text` breaks, or null when it is acceptable.
 * Messages never repeat the URL: it may carry a password.
 */
export function checkCallbackUrl(text: string, opts: UrlRuleOptions): string | null {
  if (text.length === 0) return "Enter the callback handler's URL.";
  if (text.length > URL_MAX_CHARS) {
    return `The URL is too long (${text.length.toLocaleString('en-US')} characters; at most ${URL_MAX_CHARS.toLocaleString('en-US')}).`;
  }
  if (/[\s\u0000-\u001f\u007f]/.test(text)) return 'The URL must not contain spaces, tabs or line breaks.';
  const url = parseUrl(text);
  if (!url) return 'Enter a full URL starting with https://, for example https://callbacks.example.com/fireblocks.';
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) return 'Use https://: the Co-Signer calls callback handlers over HTTPS only.';
    if (!opts.allowLoopbackHttp) {
      return 'Plain http:// is allowed only to a loopback address while the console runs against the simulator. Use https://.';
    }
  } else if (url.protocol !== 'https:') {
    return 'Use an https:// URL: the Co-Signer calls callback handlers over HTTPS only.';
  }
  // The parser drops an empty `user@`, so look for '@' in the authority as typed.
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(text)?.[1] ?? '';
  if (url.username || url.password || authority.includes('@')) {
    return 'Remove the user name and password (user:pass@) from the URL.';
  }
  // `url.hash` is empty for a bare trailing '#', so look at the text itself.
  if (text.includes('#')) return 'Remove the #fragment from the URL: it is never sent to the handler.';
  if (!url.hostname) return 'The URL needs a host name.';
  // Checked on the parsed URL: the parser has already turned 2852039166, 0xa9fe0101 or :00 into their plain forms.
  const blocked = blockedAddressKind(url.hostname);
  if (blocked) return BLOCKED_ADDRESS_MESSAGES[blocked];
  if (url.port === '0')
    return "Port 0 is not a port a handler can listen on. Use the handler's real port, or none for 443.";
  return null;
}

/** The Co-Signer route the URL's path already ends in, if any (trailing slashes ignored). */
export function appendedRouteSuffix(url: URL): string | null {
  const path = url.pathname.replace(/\/+$/, '');
  return CALLBACK_ROUTES.find((route) => path.endsWith(route)) ?? null;
}

/** The URL without the route suffix, which is what the user most likely meant to configure. */
export function withoutRouteSuffix(url: URL, route: string): string {
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path.slice(0, path.length - route.length)}${url.search}`;
}
