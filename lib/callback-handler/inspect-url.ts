import 'server-only';

import {
  appendedRouteSuffix,
  checkCallbackUrl,
  correctedCallbackUrl,
  isLoopbackHost,
  URL_MAX_CHARS,
} from './url-rules';

import type { UrlRuleOptions } from './url-rules';

export interface UrlInspection {
  protocol: 'https' | 'http' | 'other';
  /** Host name, with the port when one is given. */
  host: string;
  hostname: string;
  path: string;
  /** Whether the path already ends in a route the Co-Signer appends itself. */
  endsWithRoute: boolean;
  /** That route, e.g. `/v2/tx_sign_request`. */
  route: string | null;
  /** The URL without the route, normalised (correctedCallbackUrl): most likely what was meant. */
  suggestedUrl: string | null;
}

export interface UrlResult {
  info?: UrlInspection;
  error?: string;
  warnings: string[];
}

function tryUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The URL's parts for the panel, its rule error if any, and warnings. Never returns the full href. */
export function inspectUrl(raw: string, opts: UrlRuleOptions): UrlResult {
  const text = raw.trim();
  const error = checkCallbackUrl(text, opts) ?? undefined;
  const url = text.length <= 4 * URL_MAX_CHARS ? tryUrl(text) : null;
  if (!url) return { ...(error ? { error } : {}), warnings: [] };

  const route = appendedRouteSuffix(url);
  // Built without user-info, so a password typed into the URL is never repeated back.
  const suggestedUrl = correctedCallbackUrl(text);
  const info: UrlInspection = {
    protocol: url.protocol === 'https:' ? 'https' : url.protocol === 'http:' ? 'http' : 'other',
    host: url.host,
    hostname: url.hostname,
    path: url.pathname,
    endsWithRoute: route !== null,
    route,
    suggestedUrl,
  };
  // A route at the end is an error (checkCallbackUrl); the panel and the form offer `suggestedUrl` instead.
  const warnings: string[] = [];
  if (!error && info.protocol === 'http' && isLoopbackHost(url.hostname)) {
    warnings.push('Plain http to a loopback address works against the simulator only; a real Co-Signer needs https.');
  }
  if (url.search)
    warnings.push(
      'The URL has a query string; the Co-Signer appends its routes to the URL, so check the handler still sees them.',
    );
  return { info, ...(error ? { error } : {}), warnings };
}
