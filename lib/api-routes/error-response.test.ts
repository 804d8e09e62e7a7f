import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { AppError } from '@/lib/errors/app-error';
import { FireblocksError } from '@/lib/fireblocks/fireblocks-error';
import { logger } from '@/lib/log/logger';

import { CLIENT_CLOSED_REQUEST, errorResponse } from './error-response';

const RID = '00000000-0000-4000-8000-000000000000';
afterEach(() => vi.restoreAllMocks());

describe('errorResponse', () => {
  it('keeps an AppError as it is, with the request id and Retry-After', async () => {
    const res = errorResponse(
      new AppError({ status: 429, code: 'rate_limited', message: 'Slow down.', retryAfter: 7 }),
      RID,
    );
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('7');
    expect(await res.json()).toEqual({ error: { code: 'rate_limited', message: 'Slow down.', requestId: RID } });
  });

  it('turns a ZodError into 400 with dot-joined field paths, first message per field', async () => {
    const schema = z.object({ callbackHandler: z.object({ url: z.string().url(), tags: z.array(z.string()) }) });
    const parsed = schema.safeParse({ callbackHandler: { url: 'nope', tags: ['ok', 3] } });
    const res = errorResponse(parsed.error, RID);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe('bad_request');
    expect(Object.keys(body.error.fields).sort()).toEqual(['callbackHandler.tags.1', 'callbackHandler.url']);
  });

  it('names at most 10 unknown keys of a strict object and counts the rest (4,000 keys answer in under 1 kB)', async () => {
    const body = Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`key${i}`, 1]));
    const res = errorResponse(z.strictObject({}).safeParse(body).error, RID);
    const text = await res.text();
    expect(text.length).toBeLessThan(1000);
    const { fields } = (JSON.parse(text) as { error: { fields: Record<string, string> } }).error;
    expect(Object.keys(fields)).toHaveLength(11);
    expect(fields.body).toMatch(/3,990 more/);
  });

  it('closes the connection after a 408 (the rest of that body never came), and only then', () => {
    const slow = errorResponse(new AppError({ status: 408, code: 'bad_request', message: 'Too slow.' }), RID);
    expect(slow.status).toBe(408);
    expect(slow.headers.get('Connection')).toBe('close');
    expect(
      errorResponse(new AppError({ status: 400, code: 'bad_request', message: 'No.' }), RID).headers.get('Connection'),
    ).toBeNull();
  });

  it('keys a whole-body issue as `body`', async () => {
    const res = errorResponse(z.object({}).strict().safeParse(5).error, RID);
    expect(((await res.json()) as { error: { fields: object } }).error.fields).toHaveProperty('body');
  });

  it('maps a FireblocksError through toAppError, keeping Fireblocks’ request id', async () => {
    const res = errorResponse(
      new FireblocksError({ kind: 'http', status: 503, message: 'down', fireblocksRequestId: 'fb-1' }),
      RID,
    );
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ code: 'upstream_error', requestId: RID, fireblocksRequestId: 'fb-1' });
    expect(errorResponse(new FireblocksError({ kind: 'timeout', message: 't' }), RID).status).toBe(504);
  });

  // What the logger then writes is scrubbed of PEM, JWT and seals: lib/log/logger.test.ts.
  it('answers anything else with a generic 500 and logs it with the request id', async () => {
    const log = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----';
    const res = errorResponse(new Error(`boom with ${pem} and eyJhbGciOi.eyJzdWIiOi.sig and Fe26.2**abc*def`), RID);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('boom');
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'Something went wrong on our side.', requestId: RID },
    });
    expect(log).toHaveBeenCalledTimes(1);
    const [fields, message] = log.mock.calls[0] as unknown as [{ requestId: string; err: Error }, string];
    expect(fields.requestId).toBe(RID);
    expect(fields.err.message).toContain('boom');
    expect(message).toBe('unhandled error in route');
  });

  it.each([
    [
      'an AbortError (fetch aborted by the request signal)',
      () => new DOMException('This operation was aborted', 'AbortError'),
      undefined,
    ],
    ['an Error named AbortError', () => Object.assign(new Error('aborted'), { name: 'AbortError' }), undefined],
    [
      "whatever the aborted request's signal carried",
      () => new Error('socket hang up'),
      () => AbortSignal.abort(new Error('gone')),
    ],
  ] as const)(
    'answers a request the client cancelled (%s) with a quiet 499, logging nothing',
    async (_name, make, signal) => {
      const log = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
      const res = errorResponse(make(), RID, signal?.());
      expect(res.status).toBe(CLIENT_CLOSED_REQUEST);
      expect(await res.json()).toEqual({
        error: { code: 'bad_request', message: 'Request was cancelled.', requestId: RID },
      });
      expect(log).not.toHaveBeenCalled();
    },
  );

  it('still treats an error as a 500 while the request signal has not fired', () => {
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    expect(errorResponse(new Error('boom'), RID, new AbortController().signal).status).toBe(500);
  });

  it('an AppError stays itself even when the client has gone', () => {
    const res = errorResponse(
      new AppError({ status: 404, code: 'not_found', message: 'No.' }),
      RID,
      AbortSignal.abort(),
    );
    expect(res.status).toBe(404);
  });
});
