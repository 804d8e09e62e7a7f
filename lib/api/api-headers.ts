import 'server-only';

import { getConfig } from '@/lib/config/env';
import { apiSecurityHeaders } from '@/lib/security/headers';

/**
 * Answers smaller than this go out uncompressed: `no-transform` keeps Next's gzip (and any proxy's) off them. A page
 * of ten cosigners gzips from 1.2 KB to 0.5 KB, which saves less time on the wire than the ~0.7 ms that gzip added to
 * each call in the proxy bench (bench/proxy.ts). Big pages (100 API keys with their PEMs, ~40 KB) are still compressed.
 */
export const COMPRESS_MIN_BYTES = 8 * 1024;

let cached: ReadonlyArray<[string, string]> | undefined;

/**
 * The security headers of every /api/ answer (lib/security/headers.ts), built once per process: proxy.ts
 * skips /api/, so these are the only ones such an answer gets. When the configuration does not load, the
 * answer is an error anyway; it still gets the strict set (HSTS included, harmless over http) uncached.
 */
export function apiHeaderEntries(): ReadonlyArray<[string, string]> {
  if (cached) return cached;
  let production: boolean;
  try {
    production = getConfig().production;
  } catch {
    return Object.entries(apiSecurityHeaders(true));
  }
  cached = Object.entries(apiSecurityHeaders(production));
  return cached;
}

/**
 * Sets them on `headers` (overwriting), and returns it. An answer without a Content-Length of at least
 * COMPRESS_MIN_BYTES (errors, small pages; respond() sets the length) is also marked `no-transform`.
 */
export function setApiHeaders(headers: Headers): Headers {
  for (const [name, value] of apiHeaderEntries()) headers.set(name, value);
  const length = Number(headers.get('content-length') ?? Number.NaN);
  if (!(length >= COMPRESS_MIN_BYTES)) headers.set('Cache-Control', `${headers.get('Cache-Control') ?? 'no-store'}, no-transform`);
  return headers;
}
