import { request } from 'node:http';
import { connect } from 'node:net';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export interface CallOptions {
  cookie?: string;
  /** Raw body text. */
  body?: string;
  /** Added to (or, with null, removed from) the defaults. */
  headers?: Record<string, string | null>;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A request to the app as a same-origin browser script would send it (Origin + JSON), unless told otherwise. */
export async function callApi(appUrl: string, method: string, path: string, o: CallOptions = {}): Promise<ApiAnswer> {
  const merged: Record<string, string | null> = {
    accept: 'application/json',
    ...(o.cookie ? { cookie: o.cookie } : {}),
    ...(method === 'GET' ? {} : { origin: appUrl, 'content-type': 'application/json' }),
    ...o.headers,
  };
  const headers = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
  const res = await fetch(`${appUrl}${path}`, { method, headers, body: o.body, redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: parse(text) };
}

/**
 * Streams `totalBytes` of body without a Content-Length (chunked), the way a client that lies by omission would,
 * and resolves with the status as soon as the server answers, even if it stopped reading half-way.
 */
export function streamBody(
  appUrl: string,
  path: string,
  o: { cookie: string; totalBytes: number },
): Promise<ApiAnswer> {
  const url = new URL(path, appUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'PATCH',
      headers: { cookie: o.cookie, origin: appUrl, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    let answered = false;
    req.on('close', () => {
      if (!answered) reject(new Error('the server closed the connection without answering'));
    });
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
        resolve({ status: res.statusCode ?? 0, headers, text, json: parse(text) });
        req.destroy();
      });
    });
    // Writing into a connection the server has already answered and closed is expected here.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
    });
    const chunk = `{"callbackHandler":{"url":"${'x'.repeat(16 * 1024)}`;
    const write = (sent: number): void => {
      if (sent >= o.totalBytes || req.destroyed) {
        if (!req.destroyed) req.end();
        return;
      }
      if (req.write(chunk)) write(sent + chunk.length);
      else req.once('drain', () => write(sent + chunk.length));
    };
    write(0);
  });
}

/**
 * A request whose path goes on the wire exactly as given: fetch and `new URL` would resolve `%2e%2e` and `..`
 * before sending, which is the very thing a test of dot segments must get past.
 */
export function rawPathRequest(
  appUrl: string,
  method: string,
  rawPath: string,
  o: CallOptions = {},
): Promise<ApiAnswer> {
  const { hostname, port } = new URL(appUrl);
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(o.cookie ? { cookie: o.cookie } : {}),
    ...(method === 'GET' ? {} : { origin: appUrl, 'content-type': 'application/json' }),
  };
  return new Promise((resolve, reject) => {
    // A connection of its own: a pooled one may be a socket the server is about to close.
    const req = request({ host: hostname, port, method, path: rawPath, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        const answerHeaders = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') answerHeaders.set(k, v);
        resolve({ status: res.statusCode ?? 0, headers: answerHeaders, text, json: parse(text) });
      });
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

export interface SlowUploadResult {
  /** The raw answer: status line, headers and body. */
  response: string;
  /** Milliseconds from the first byte sent to the answer, and to the server closing the connection. */
  answeredAfterMs: number;
  closedAfterMs: number;
}

/**
 * A PATCH over a raw socket that announces `declaredBytes` but sends only `sentBody`, then waits: a stalled upload.
 * Resolves once the server has answered and closed the connection (or rejects after `giveUpMs`).
 */
export function slowUpload(
  appUrl: string,
  path: string,
  o: { cookie: string; sentBody: string; declaredBytes: number; giveUpMs: number },
): Promise<SlowUploadResult> {
  const { hostname, port } = new URL(appUrl);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let response = '';
    let answeredAfterMs = -1;
    const socket = connect(Number(port), hostname);
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer and close within ${o.giveUpMs} ms; got: ${response.slice(0, 200) || '(nothing)'}`));
    }, o.giveUpMs);
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      if (answeredAfterMs < 0) answeredAfterMs = Date.now() - started;
      response += d;
    });
    socket.on('error', () => undefined); // a reset counts as closed; the close handler decides
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ response, answeredAfterMs, closedAfterMs: Date.now() - started });
    });
    socket.write(
      [
        `PATCH ${path} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        `Cookie: ${o.cookie}`,
        `Origin: ${appUrl}`,
        'Content-Type: application/json',
        `Content-Length: ${o.declaredBytes}`,
        'Connection: keep-alive',
        '',
        o.sentBody,
      ].join('\r\n'),
    );
  });
}
