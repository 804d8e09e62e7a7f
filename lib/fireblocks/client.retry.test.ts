import { afterEach, describe, expect, it } from 'vitest';

import { rsaTestKey } from '@/testing/fixtures/keys';
import { startScriptedServer, type ScriptedReply, type ScriptedServer } from '@/testing/upstream/scripted-server';
import { createFireblocksClient } from './client';
import { FireblocksError } from './fireblocks-error';
import type { RetryEvent } from './retry';
import type { UpstreamObservation } from './transport';

const COSIGNER = '44fcead0-7053-4831-a53a-df7fb90d440f';
const OK_PAGE: ScriptedReply = { body: { data: [{ id: COSIGNER, archived: false }] } };
const PATCH_BODY = { callbackHandler: { url: 'https://cb.example.com' } };

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client against a server answering `replies` in order (the last one repeats), with fast backoff. */
async function setup(replies: ScriptedReply[], timeoutMs = 10_000) {
  server = await startScriptedServer((_req, i) => replies[Math.min(i, replies.length - 1)]!);
  const retries: RetryEvent[] = [];
  const client = createFireblocksClient({
    baseUrl: server.baseUrl,
    apiKey: 'api-key',
    privateKey: rsaTestKey().privateKey,
    timeoutMs,
    retry: { baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1_000, onRetry: (e) => retries.push(e) },
  });
  return { s: server, client, retries };
}

const failure = async (p: Promise<unknown>): Promise<FireblocksError> => {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FireblocksError);
  return e as FireblocksError;
};

describe('retries for reads', () => {
  it('retries a 5xx with backoff and succeeds', async () => {
    const { s, client, retries } = await setup([{ status: 503, body: { message: 'busy' } }, OK_PAGE]);
    const { data } = await client.listCosigners();
    expect(data.data).toHaveLength(1);
    expect(s.requests).toHaveLength(2);
    expect(retries).toEqual([expect.objectContaining({ attempt: 1, reason: 'status', status: 503 })]);
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(5);
  });

  it('signs each attempt afresh (a replayed nonce would be refused)', async () => {
    const { s, client } = await setup([{ status: 502 }, OK_PAGE]);
    await client.listCosigners();
    expect(s.requests[0]!.headers.authorization).not.toBe(s.requests[1]!.headers.authorization);
  });

  it('honours Retry-After on a 429', async () => {
    const { s, client, retries } = await setup([{ status: 429, headers: { 'Retry-After': '1' } }, OK_PAGE]);
    await client.listCosigners();
    expect(s.requests).toHaveLength(2);
    expect(retries[0]).toMatchObject({ status: 429, retryAfterMs: 1_000, delayMs: 1_000 });
  });

  it('does not wait out a Retry-After above the cap: the 429 comes back with retryAfterSeconds', async () => {
    const { s, client } = await setup([
      {
        status: 429,
        headers: { 'Retry-After': '60', 'X-Request-ID': 'rl-1' },
        body: { message: 'Too many requests', code: 429 },
      },
    ]);
    const e = await failure(client.getCosigner(COSIGNER));
    expect(s.requests).toHaveLength(1);
    expect(e).toMatchObject({
      kind: 'http',
      status: 429,
      retryAfterSeconds: 60,
      fireblocksRequestId: 'rl-1',
      message: 'Too many requests',
    });
  });

  it('retries a dropped connection', async () => {
    const { s, client, retries } = await setup([{ drop: true }, OK_PAGE]);
    await client.listCosigners();
    expect(s.requests).toHaveLength(2);
    expect(retries[0]).toMatchObject({ reason: 'network' });
  });

  it('gives up after maxAttempts with the last typed error', async () => {
    const { s, client } = await setup([
      { status: 500, headers: { 'X-Request-ID': 'fb-500' }, body: { message: 'Internal error', code: 5000 } },
    ]);
    const e = await failure(client.listApiKeys(COSIGNER));
    expect(s.requests).toHaveLength(3);
    expect(e).toMatchObject({
      kind: 'http',
      status: 500,
      code: 5000,
      message: 'Internal error',
      fireblocksRequestId: 'fb-500',
      attempts: 3,
    });
  });

  it('does not retry a 4xx other than 429', async () => {
    const { s, client } = await setup([
      { status: 404, headers: { 'X-Request-ID': 'nf-1' }, body: { message: 'Cosigner not found', code: 1404 } },
    ]);
    const e = await failure(client.getCosigner(COSIGNER));
    expect(s.requests).toHaveLength(1);
    expect(e).toMatchObject({
      kind: 'http',
      status: 404,
      code: 1404,
      message: 'Cosigner not found',
      fireblocksRequestId: 'nf-1',
    });
  });
});

describe('the PATCH is never retried', () => {
  it('on a 503', async () => {
    const { s, client, retries } = await setup([{ status: 503, headers: { 'Retry-After': '0' } }, { status: 202 }]);
    const e = await failure(client.updateCallbackHandler(COSIGNER, 'k1', PATCH_BODY));
    expect(e.status).toBe(503);
    expect(s.requests).toHaveLength(1);
    expect(retries).toHaveLength(0);
  });

  it('on a dropped connection', async () => {
    const { s, client } = await setup([{ drop: true }, { status: 202 }]);
    const e = await failure(client.updateCallbackHandler(COSIGNER, 'k1', PATCH_BODY));
    expect(e.kind).toBe('network');
    expect(s.requests).toHaveLength(1);
  });

  it('on a 202 without Location it reports an invalid response rather than guessing', async () => {
    const { client } = await setup([{ status: 202, body: { id: 'k1' }, headers: { 'X-Request-ID': 'p-1' } }]);
    const e = await failure(client.updateCallbackHandler(COSIGNER, 'k1', PATCH_BODY));
    expect(e).toMatchObject({ kind: 'invalid_response', status: 202, fireblocksRequestId: 'p-1' });
  });
});

describe('timeouts and unreadable answers', () => {
  it('times out an attempt and does not retry it', async () => {
    const { client, retries } = await setup([{ delayMs: 5_000, ...OK_PAGE }], 300);
    const e = await failure(client.listCosigners());
    // Counted on the client side: on a loaded machine the timeout may fire before the server has logged the request.
    expect(e).toMatchObject({ kind: 'timeout', attempts: 1 });
    expect(retries).toHaveLength(0);
  });

  it('passes the caller abort through', async () => {
    const { client } = await setup([{ delayMs: 3_000, ...OK_PAGE }]);
    const controller = new AbortController();
    const p = client.listCosigners({}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('client went away')), 50);
    await expect(p).rejects.toThrow('client went away');
  });

  it('reports malformed JSON as invalid_response with the request id', async () => {
    const { s, client } = await setup([{ body: '{"data": [', headers: { 'X-Request-ID': 'bad-1' } }]);
    const e = await failure(client.listCosigners());
    expect(e).toMatchObject({ kind: 'invalid_response', status: 200, fireblocksRequestId: 'bad-1' });
    expect(s.requests).toHaveLength(1);
  });

  it('reports a body of the wrong shape, naming the path but not the value', async () => {
    const { client } = await setup([{ body: { data: [{ id: COSIGNER, archived: 'value-not-to-echo' }] } }]);
    const e = await failure(client.listCosigners());
    expect(e.kind).toBe('invalid_response');
    expect(e.message).toContain('data.0.archived');
    expect(e.message).not.toContain('value-not-to-echo');
  });

  it('does not follow a redirect (it would carry X-API-Key elsewhere)', async () => {
    const { s, client } = await setup([{ status: 302, headers: { Location: 'http://127.0.0.2:9/v1/cosigners' } }]);
    const e = await failure(client.listCosigners());
    expect(e).toMatchObject({ kind: 'http', status: 302 });
    expect(s.requests).toHaveLength(1);
  });

  it('uses a fallback message when the error body is not Fireblocks JSON', async () => {
    const { client } = await setup([{ status: 403, body: '<html>Forbidden</html>' }]);
    const e = await failure(client.getCosigner(COSIGNER));
    expect(e).toMatchObject({ kind: 'http', status: 403, message: 'Fireblocks answered HTTP 403' });
  });

  it('never puts the JWT or the key in an error', async () => {
    const { s, client } = await setup([{ status: 401, body: { message: 'invalid signature', code: -1 } }]);
    const e = await failure(client.getCosigner(COSIGNER));
    const token = s.requests[0]!.headers.authorization!.slice('Bearer '.length);
    const everything = JSON.stringify({ ...e, message: e.message, stack: e.stack, cause: String(e.cause) });
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('PRIVATE KEY');
    expect(e).toMatchObject({ status: 401, code: -1, message: 'invalid signature' });
  });
});

describe('one budget: a 429 holds back every caller of the client', () => {
  it('concurrent reads after a 429 wait for its Retry-After together; none goes out meanwhile', async () => {
    const { s, client } = await setup([{ status: 429, headers: { 'Retry-After': '1' } }, OK_PAGE]);
    const first = client.listCosigners();
    // Let the 429 land and close the gate, then ten more callers arrive.
    while (s.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const others = Array.from({ length: 10 }, (_, i) => client.getCosigner(`${COSIGNER.slice(0, -1)}${i}`));
    await new Promise((r) => setTimeout(r, 500));
    expect(s.requests).toHaveLength(1);
    await Promise.all([first, ...others].map((p) => p.catch(() => undefined)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    // The first caller's retry and the ten, each once: no caller retried on its own.
    expect(s.requests).toHaveLength(12);
  });

  it('a closure past the longest wait answers 429 at once to every caller, sending nothing more', async () => {
    const { s, client } = await setup([{ status: 429, headers: { 'Retry-After': '30' } }, OK_PAGE]);
    expect((await failure(client.listCosigners())).retryAfterSeconds).toBe(30);
    const errors = await Promise.all(Array.from({ length: 5 }, () => failure(client.getCosigner(COSIGNER))));
    for (const e of errors) {
      expect(e).toMatchObject({ kind: 'http', status: 429, attempts: 0 });
      expect(e.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    }
    expect(s.requests).toHaveLength(1);
  });

  it('a PATCH is not retried after its own 429, and the next PATCH waits at the gate before it is sent', async () => {
    const { s, client, retries } = await setup([
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 202, headers: { Location: `/v1/cosigners/${COSIGNER}/api_keys/k1/req-1` }, body: { id: 'k1' } },
    ]);
    expect((await failure(client.updateCallbackHandler(COSIGNER, 'k1', PATCH_BODY))).status).toBe(429);
    expect(s.requests).toHaveLength(1);
    const started = Date.now();
    const { requestId } = await client.updateCallbackHandler(COSIGNER, 'k1', PATCH_BODY);
    expect(requestId).toBe('req-1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(s.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH']);
    expect(retries).toHaveLength(0);
  });

  it('reports each exchange with its route template, status and duration', async () => {
    server = await startScriptedServer(() => OK_PAGE);
    const seen: UpstreamObservation[] = [];
    const client = createFireblocksClient({
      baseUrl: server.baseUrl,
      apiKey: 'api-key',
      privateKey: rsaTestKey().privateKey,
      observe: (o) => seen.push(o),
    });
    await client.listApiKeys(COSIGNER);
    expect(seen.map(({ seconds: _s, ...rest }) => rest)).toEqual([
      { method: 'GET', route: '/cosigners/{cosignerId}/api_keys', status: 200 },
    ]);
    expect(seen[0]!.seconds).toBeGreaterThan(0);
  });
});
