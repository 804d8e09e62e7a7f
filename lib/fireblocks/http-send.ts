import 'server-only';

import { Agent, request } from 'undici';

/** What one HTTP exchange gave back: the whole body as text (Fireblocks answers are small JSON). */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export interface HttpSendInit {
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** Whole exchange, connect to last byte. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The ways an exchange can fail; transport.ts turns them into FireblocksErrors. */
export class HttpSendError extends Error {
  override name = 'HttpSendError';
  constructor(
    readonly reason: 'timeout' | 'network' | 'too_large',
    /** The socket error's code (ECONNREFUSED, UND_ERR_SOCKET, ...), never its message. */
    readonly code?: string,
  ) {
    super(reason);
  }
}

/** Far above any Fireblocks answer (100 API keys with their PEMs are ~40 KB); stops a misbehaving upstream. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

// Connections to Fireblocks are kept alive and pooled per origin: a TLS handshake per call would cost more than the
// RSA signature.
const dispatcher = new Agent();

/**
 * One request with undici's request() on its own pool. Not fetch: fetch adds WHATWG streams, promises and abort
 * plumbing per call, and Next wraps the global fetch for its Data Cache, which Fireblocks answers must never enter.
 * Not node:https either: undici's pool was as fast one request at a time and faster with several in flight
 * (docs/benchmarks.md, "The Fireblocks transport"). request() follows no redirect (a 3xx comes back as is):
 * following one would hand X-API-Key to whoever it points at.
 */
export async function httpSend(url: URL, init: HttpSendInit): Promise<HttpAnswer> {
  const caller = init.signal;
  // An abort rejects with the signal's reason unchanged (an Error by convention), as fetch does: the route maps it to 499.
  if (caller?.aborted) throw caller.reason as Error;
  const timeout = AbortSignal.timeout(init.timeoutMs);
  const signal = caller ? AbortSignal.any([caller, timeout]) : timeout;
  try {
    const res = await request(url, { method: init.method, headers: init.headers, body: init.body, dispatcher, signal });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > MAX_ANSWER_BYTES) {
        res.body.destroy();
        throw new HttpSendError('too_large');
      }
      chunks.push(chunk);
    }
    return { status: res.statusCode, headers: headersOf(res.headers), text: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    if (error instanceof HttpSendError) throw error;
    if (caller?.aborted) throw caller.reason as Error;
    if (timeout.aborted) throw new HttpSendError('timeout');
    const code = (error as { code?: unknown }).code;
    throw new HttpSendError('network', typeof code === 'string' ? code : undefined);
  }
}

function headersOf(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw))
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) headers.append(name, v);
  return headers;
}
