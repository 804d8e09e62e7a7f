import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';

import { readJsonBody } from './read-json-body';

function streamOf(chunks: string[], onPull?: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      onPull?.();
      const chunk = chunks[i++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  }, { highWaterMark: 0 });
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
  new Request('http://localhost/x', { method: 'POST', body, headers, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) });

describe('readJsonBody', () => {
  it('parses a JSON body within the cap', async () => {
    await expect(readJsonBody(post('{"a":1}'), { maxBytes: 100 })).resolves.toEqual({ a: 1 });
  });

  it('refuses by Content-Length before reading a byte', async () => {
    let pulls = 0;
    const req = post(streamOf(['{}'], () => pulls++), { 'content-length': '1048576' });
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
