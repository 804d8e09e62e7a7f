import { describe, expect, it } from 'vitest';

import { listCosignersResponseSchema } from '@/lib/cosigners/console-api-schemas';
import { AppError } from '@/lib/errors/app-error';

import { queryOf, respond } from './respond';

describe('respond', () => {
  it('sends only the fields the response schema declares, and the Fireblocks request id', async () => {
    const upstream = {
      data: [
        {
          id: 'c1',
          archived: false,
          name: 'Treasury SGX',
          internalNote: 'not for browsers',
          version: { hash: 'h', build: 7 },
        },
      ],
      next: null,
      total: 1,
    };
    const res = respond(listCosignersResponseSchema, upstream, { fireblocksRequestId: 'fb-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-fireblocks-request-id')).toBe('fb-1');
    const text = await res.clone().text();
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      data: [{ id: 'c1', archived: false, name: 'Treasury SGX', version: { hash: 'h' } }],
      next: null,
    });
  });

  it('treats a body that does not fit as an upstream failure (502), not bad input', () => {
    let thrown: unknown;
    try {
      respond(listCosignersResponseSchema, { data: [{ id: 1 }] }, { fireblocksRequestId: 'fb-2' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ status: 502, code: 'upstream_error', fireblocksRequestId: 'fb-2' });
  });

  it('uses the given status', () => {
    expect(respond(listCosignersResponseSchema, { data: [], next: 'x' }, { status: 202 }).status).toBe(202);
  });
});

describe('queryOf', () => {
  it('reads the query as a record, the last of repeated keys winning', () => {
    expect(queryOf(new Request('http://h/api/cosigners?pageSize=5&order=ASC&pageSize=7'))).toEqual({
      pageSize: '7',
      order: 'ASC',
    });
  });
});
