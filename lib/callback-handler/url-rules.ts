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
const CALLBACK_ROUTES = [
  '/v2/config_change_sign_request',
  '/config_change_sign_request',
  '/v2/tx_sign_request',
  '/tx_sign_request',
] as const;

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Characters that take no room on screen: soft hyphen, zero-width space and joiners, word joiner, byte order mark
 * and the other default-ignorable code points, and the bidirectional controls (marks, embeddings, overrides,
 * isolates), which reorder what is shown. A URL holding one reads the same as one without it.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/u;

const INVISIBLE_NAMES: Record<number, string> = {
  0x00ad: 'a soft hyphen',
  0x200b: 'a zero-width space',
  0x200c: 'a zero-width non-joiner',
  0x200d: 'a zero-width joiner',
  0x2060: 'a word joiner',
  0xfeff: 'a zero-width no-break space (byte order mark)',
};

const codePointText = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** `U+00AD, a soft hyphen`: what an invisible character is, since it cannot be shown. */
function invisibleName(cp: number): string {
  const bidi = /\p{Bidi_Control}/u.test(String.fromCodePoint(cp));
  return `${codePointText(cp)}, ${INVISIBLE_NAMES[cp] ?? (bidi ? 'a right-to-left or left-to-right control' : 'a character that does not show')}`;
}

/**
 * What is stored, shown to the approver and sent to Fireblocks: the WHATWG serialisation of the URL (`href`),
 * computed once, here, by the schema the form and the server share. Lower-case scheme and host, the default port
 * dropped, `.` and `..` resolved, `/` for an empty path, percent-encoding where the parser adds it. A URL that passes
 * checkCallbackUrl is plain ASCII, so this is ASCII too, and serialising it again gives the same text.
 */
export function normalizeCallbackUrl(text: string): string {
  return new URL(text.trim()).href;
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
  const invisible = INVISIBLE.exec(text);
  if (invisible) {
    return `The URL contains an invisible character (${invisibleName(invisible[0].codePointAt(0) ?? 0)}): it would not show to the approver. Retype the URL rather than pasting it.`;
  }
  if (/[\s\u0000-\u001f\u007f]/.test(text)) return 'The URL must not contain spaces, tabs or line breaks.';
  const foreign = /[^\x21-\x7e]/u.exec(text);
  if (foreign) {
    return `The URL must be plain ASCII (it holds ${codePointText(foreign[0].codePointAt(0) ?? 0)} "${foreign[0]}"): write an international host name in its punycode form (xn--…) and percent-encode anything else.`;
  }
  if (text.includes('\\')) return 'Use / in the URL, not \\: a backslash is read as / by some and not by others.';
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
  // `https:host` and `https:/host` parse as https://host/: refused, so that what is shown is what was typed.
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(text)) {
    return 'Write the URL with two slashes after the scheme and the host right after them, like https://callbacks.example.com/fireblocks.';
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
  const route = appendedRouteSuffix(url);
  if (route) {
    return `The URL already ends in ${route}, which the Co-Signer appends itself: it would call …${route}/v2/tx_sign_request. Remove ${route} from the end.`;
  }
  return null;
}

/** The Co-Signer route the URL's path already ends in, if any (trailing slashes ignored). */
export function appendedRouteSuffix(url: URL): string | null {
  const path = url.pathname.replace(/\/+$/, '');
  return CALLBACK_ROUTES.find((route) => path.endsWith(route)) ?? null;
}

/**
 * The URL without the Co-Signer route it ends in, which is what was most likely meant, normalised as the form and the
 * server would send it (normalizeCallbackUrl): the findings, the inspection and the form's one-click fix all spell it
 * this way. Null when the URL ends in no route, does not parse, or carries user-info (never repeated into a link).
 */
export function correctedCallbackUrl(text: string): string | null {
  const url = parseUrl(text.trim());
  const route = url && appendedRouteSuffix(url);
  if (!url || !route || url.username || url.password) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return normalizeCallbackUrl(`${url.origin}${path.slice(0, path.length - route.length)}${url.search}`);
}
