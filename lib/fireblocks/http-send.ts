import 'server-only';

import http from 'node:http';
import https from 'node:https';

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
    /** The socket error's code (ECONNREFUSED, ...), never its message. */
    readonly code?: string,
  ) {
    super(reason);
  }
}

/** Far above any Fireblocks answer (100 API keys with their PEMs are ~40 KB); stops a misbehaving upstream. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

// Connections to Fireblocks are reused: a TLS handshake per call would cost more than the RSA signature.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/**
 * One request with node:http(s). Not fetch: undici's fetch costs ~0.5 ms of WHATWG streams, promises and abort
 * plumbing per call inside a Next.js server (measured in bench/proxy.ts), and Next wraps the global fetch for its
 * Data Cache, which Fireblocks answers must never enter. Redirects are not followed (a 3xx comes back as is):
 * following one would hand X-API-Key to whoever it points at.
 */
export function httpSend(url: URL, init: HttpSendInit): Promise<HttpAnswer> {
  const signal = init.signal;
  // An abort rejects with the signal's reason unchanged (an Error by convention), as fetch does: the route maps it to 499.
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  const lib = url.protocol === 'https:' ? https : http;
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  const headers = init.body ? { ...init.headers, 'Content-Length': String(init.body.byteLength) } : init.headers;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const fail = (error: Error) => {
      finish(() => reject(error));
      req.destroy();
    };
    const onAbort = () => fail(signal?.reason as Error);
    const timer = setTimeout(() => fail(new HttpSendError('timeout')), init.timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });

    const req = lib.request(url, { method: init.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > MAX_ANSWER_BYTES) fail(new HttpSendError('too_large'));
        else chunks.push(chunk);
      });
      res.on('error', (e: NodeJS.ErrnoException) => fail(new HttpSendError('network', e.code)));
      res.on('end', () => {
        const answer = {
          status: res.statusCode ?? 0,
          headers: headersOf(res.rawHeaders),
          text: Buffer.concat(chunks).toString('utf8'),
        };
        finish(() => resolve(answer));
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => fail(new HttpSendError('network', e.code)));
    req.end(init.body);
  });
}

function headersOf(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}
