import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HttpSendError, httpSend, MAX_ANSWER_BYTES } from './http-send';

let server: http.Server;
let base: string;
const seen: Array<{ method?: string; body: string; length?: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method, body: Buffer.concat(chunks).toString(), length: req.headers['content-length'] });
      if (req.url === '/redirect') return res.writeHead(302, { Location: 'http://example.invalid/steal' }).end();
      if (req.url === '/slow') return setTimeout(() => res.end('late'), 2_000).unref();
      if (req.url === '/huge') {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 'a');
        for (let sent = 0; sent <= MAX_ANSWER_BYTES; sent += chunk.byteLength) res.write(chunk);
        return res.end();
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-ID': 'req-1' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const init = { method: 'GET', headers: { Accept: 'application/json' }, timeoutMs: 1_000 };

describe('httpSend', () => {
  it('returns status, headers and the body as text', async () => {
    const answer = await httpSend(new URL(`${base}/ok`), init);
    expect(answer).toMatchObject({ status: 200, text: '{"ok":true}' });
    expect(answer.headers.get('x-request-id')).toBe('req-1');
  });

  it('sends the exact body bytes with their length', async () => {
    const body = Buffer.from(JSON.stringify({ url: 'https://cb.example.com/é' }));
    await httpSend(new URL(`${base}/patch`), { ...init, method: 'PATCH', body });
    expect(seen.at(-1)).toEqual({ method: 'PATCH', body: body.toString(), length: String(body.byteLength) });
  });

  it('does not follow a redirect', async () => {
    const answer = await httpSend(new URL(`${base}/redirect`), init);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('http://example.invalid/steal');
  });

  it('gives up after the timeout', async () => {
    await expect(httpSend(new URL(`${base}/slow`), { ...init, timeoutMs: 100 })).rejects.toMatchObject({
      reason: 'timeout',
    });
  });

  it('rejects with the caller’s abort reason, before or during the exchange', async () => {
    const reason = new Error('browser went away');
    await expect(httpSend(new URL(`${base}/ok`), { ...init, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    const controller = new AbortController();
    const pending = httpSend(new URL(`${base}/slow`), { ...init, signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
  });

  it('stops reading an answer larger than MAX_ANSWER_BYTES', async () => {
    await expect(httpSend(new URL(`${base}/huge`), init)).rejects.toMatchObject({ reason: 'too_large' });
  });

  it('reports a refused connection by its code only', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await httpSend(new URL(`http://127.0.0.1:${port}/`), init).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpSendError);
    expect(error).toMatchObject({ reason: 'network', code: 'ECONNREFUSED' });
  });
});
