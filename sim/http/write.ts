import type { ServerResponse } from 'node:http';

import type { SimResponse } from './response';

/**
 * Writes a response with X-Request-ID (Fireblocks sends it on every response, errors included).
 * `malformed` cuts the JSON body in half: any proper prefix of a JSON object is unparseable.
 */
export function writeResponse(res: ServerResponse, r: SimResponse, requestId: string, malformed = false): void {
  if (res.destroyed || res.writableEnded) return;
  let text = r.body === undefined ? '' : JSON.stringify(r.body);
  if (malformed) text = text ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : '{"data":[';
  const headers: Record<string, string | number> = { 'X-Request-ID': requestId, ...r.headers };
  if (text) headers['Content-Type'] = 'application/json; charset=utf-8';
  if (r.status !== 204) headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(r.status, headers);
  res.end(text);
}
