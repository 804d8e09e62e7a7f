import { afterEach, describe, expect, it, vi } from 'vitest';

import { AppError } from '@/lib/errors/app-error';

import { BODY_DEADLINE_MS, readJsonBody } from './read-json-body';

function streamOf(chunks: string[], onPull?: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream(
    {
      pull(controller) {
        onPull?.();
        const chunk = chunks[i++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(encoder.encode(chunk));
      },
    },
    { highWaterMark: 0 },
  );
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost/x', {
    method: 'POST',
    body,
    headers,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });

describe('readJsonBody', () => {
  it('parses a JSON body within the cap', async () => {
    await expect(readJsonBody(post('{"a":1}'), { maxBytes: 100 })).resolves.toEqual({ a: 1 });
  });

  it('refuses by Content-Length before reading a byte', async () => {
    let pulls = 0;
    const req = post(
      streamOf(['{}'], () => pulls++),
      { 'content-length': '1048576' },
    );
    const error = await failure(readJsonBody(req, { maxBytes: 1024 }));
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ body: 'Request body must be at most 1024 bytes.' });
    expect(pulls).toBe(0);
  });

  it('stops reading a chunked body as soon as it passes the cap', async () => {
    let pulls = 0;
    const chunks = Array.from({ length: 100 }, () => 'x'.repeat(512));
    const error = await failure(readJsonBody(post(streamOf(chunks, () => pulls++)), { maxBytes: 1024 }));
    expect(error.fields?.body).toMatch(/at most 1024 bytes/);
    expect(pulls).toBeLessThan(10);
  });

  it('refuses invalid JSON without quoting it', async () => {
    const secret = '-----BEGIN PRIVATE KEY-----abc';
    const error = await failure(readJsonBody(post(`{"pem": "${secret}"`), { maxBytes: 1024 }));
    expect(error.fields).toEqual({ body: 'Request body must be valid JSON.' });
    expect(JSON.stringify(error.toBody())).not.toContain('PRIVATE');
  });

  it('refuses a missing body and invalid UTF-8', async () => {
    expect((await failure(readJsonBody(post(null), { maxBytes: 10 }))).fields?.body).toMatch(/required/);
    const bad = new Uint8Array([0x7b, 0xff, 0x7d]);
    expect((await failure(readJsonBody(post(bad), { maxBytes: 10 }))).fields?.body).toMatch(/UTF-8/);
  });
});

/** A body that sends `first`, then `rest` one chunk every `everyMs`, or nothing more at all (a stalled upload). */
function slowStream(
  first: string,
  o: { rest?: string[]; everyMs?: number; onCancel?: () => void } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rest = [...(o.rest ?? [])];
  let sentFirst = false;
  return new ReadableStream(
    {
      async pull(controller) {
        if (!sentFirst) {
          sentFirst = true;
          controller.enqueue(encoder.encode(first));
          return;
        }
        if (o.rest === undefined) return new Promise<void>(() => undefined); // stalls for good
        await new Promise((r) => setTimeout(r, o.everyMs ?? 0));
        const chunk = rest.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(encoder.encode(chunk));
      },
      cancel: () => o.onCancel?.(),
    },
    { highWaterMark: 0 },
  );
}

describe('readJsonBody deadline', () => {
  afterEach(() => vi.useRealTimers());

  it('answers a stalled body 408 once the deadline passes, and cancels the stream', async () => {
    let cancelled = false;
    const started = Date.now();
    const error = await failure(
      readJsonBody(post(slowStream('{"a":', { onCancel: () => (cancelled = true) })), {
        maxBytes: 1024,
        deadlineMs: 200,
      }),
    );
    const elapsed = Date.now() - started;
    expect(error.status).toBe(408);
    expect(error.fields).toEqual({ body: 'The request body did not arrive within 0.2 seconds.' });
    expect(cancelled).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(2000);
  });

  it('counts the whole body, not the gap between chunks: a steady trickle is cut off too', async () => {
    const rest = Array.from({ length: 40 }, () => ' ');
    const error = await failure(
      readJsonBody(post(slowStream('{', { rest: [...rest, '}'], everyMs: 20 })), { maxBytes: 1024, deadlineMs: 200 }),
    );
    expect(error.status).toBe(408);
  });

  it('a body that arrives in time is parsed, and nothing is cancelled afterwards', async () => {
    let cancelled = false;
    const stream = slowStream('{"a":', { rest: ['1}'], everyMs: 20, onCancel: () => (cancelled = true) });
    await expect(readJsonBody(post(stream), { maxBytes: 1024, deadlineMs: 200 })).resolves.toEqual({ a: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(cancelled).toBe(false);
  });

  it('defaults to 10 seconds', async () => {
    expect(BODY_DEADLINE_MS).toBe(10_000);
    vi.useFakeTimers();
    let settled: unknown;
    const reading = readJsonBody(post(slowStream('{')), { maxBytes: 1024 }).then(
      () => (settled = 'parsed'),
      (e: unknown) => (settled = e),
    );
    await vi.advanceTimersByTimeAsync(9_999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await reading;
    expect(settled).toBeInstanceOf(AppError);
    expect((settled as AppError).status).toBe(408);
    expect((settled as AppError).message).toBe('The request body did not arrive within 10 seconds.');
  });
});
