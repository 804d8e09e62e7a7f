import 'server-only';

import { getConfig } from '@/lib/config/env';
import { apiSecurityHeaders } from '@/lib/security/headers';

let cached: ReadonlyArray<[string, string]> | undefined;

/**
 * The security headers of every /api/ answer (lib/security/headers.ts), built once per process: proxy.ts
 * skips /api/, so these are the only ones such an answer gets. When the configuration does not load, the
 * answer is an error anyway; it still gets the strict set (HSTS included, harmless over http) uncached.
 */
function apiHeaderEntries(): ReadonlyArray<[string, string]> {
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
 * Sets them on `headers` (overwriting), and returns it. Cache-Control is `no-store, no-transform` on every answer,
 * large ones too: next.config.js must send that header for the answers Next gives itself (OPTIONS, 405), and once
 * it does, Next drops a route's own Cache-Control, so a per-answer choice (gzip for big pages only) cannot be made.
 * Small answers are the common case and gzip cost them ~0.7 ms each (bench/proxy.ts); the price is that a page of
 * 100 keys (~250 bytes each) now goes out uncompressed too.
 */
export function setApiHeaders(headers: Headers): Headers {
  for (const [name, value] of apiHeaderEntries()) headers.set(name, value);
  return headers;
}
