import { describe, expect, it } from 'vitest';

import {
  apiKeyIdSchema,
  apiKeysPageSchema,
  cosignerIdSchema,
  cosignersPageSchema,
  listPageQuerySchema,
  requestIdSchema,
  requestStatusResponseSchema,
  updateCallbackHandlerResponseSchema,
} from './upstream-schemas';

const ID = '44fcead0-7053-4831-a53a-df7fb90d440f';

describe('response schemas are tolerant', () => {
  it('ignore unknown fields and drop them from the result', () => {
    const page = cosignersPageSchema.parse({
      data: [
        {
          id: ID,
          archived: false,
          name: 'Treasury SGX',
          type: 'SGX',
          version: { hash: 'a1b2', name: '1.0', build: 7 },
          region: 'eu',
        },
      ],
      next: 'abc',
      total: 3,
    });
    expect(page).toEqual({
      data: [{ id: ID, archived: false, name: 'Treasury SGX', type: 'SGX', version: { hash: 'a1b2', name: '1.0' } }],
      next: 'abc',
    });
  });

  it('accept missing optional fields, null for optional fields, and a missing next', () => {
    expect(cosignersPageSchema.parse({ data: [{ id: ID, archived: true, name: null }] })).toEqual({
      data: [{ id: ID, archived: true }],
      next: null,
    });
    expect(
      apiKeysPageSchema.parse({
        data: [{ id: 'k1' }, { id: 'k2', lastSeen: null, callbackHandler: null }],
        next: null,
      }),
    ).toEqual({
      data: [{ id: 'k1' }, { id: 'k2' }],
      next: null,
    });
  });

  it('keep lastSeen as sent (the spec example is not ISO 8601) and a cert hash handler', () => {
    const page = apiKeysPageSchema.parse({
      data: [
        {
          id: 'k',
          lastSeen: '2021-07-01 00:00:00+00:00',
          callbackHandler: { url: 'https://x', certPublicKeyHash: 'ab' },
        },
      ],
    });
    expect(page.data[0]).toEqual({
      id: 'k',
      lastSeen: '2021-07-01 00:00:00+00:00',
      callbackHandler: { url: 'https://x', certPublicKeyHash: 'ab' },
    });
  });

  it('accept a cosigner type the spec does not list yet', () => {
    expect(cosignersPageSchema.parse({ data: [{ id: ID, archived: false, type: 'INTEL-TDX' }] }).data[0]?.type).toBe(
      'INTEL-TDX',
    );
  });

  it('still refuse what the console cannot work with', () => {
    expect(cosignersPageSchema.safeParse({ data: [{ archived: false }] }).success).toBe(false);
    expect(cosignersPageSchema.safeParse({ next: 'x' }).success).toBe(false);
    expect(requestStatusResponseSchema.safeParse({ status: 'PAUSED', type: 'UPDATE_CALLBACK_HANDLER' }).success).toBe(
      false,
    );
    expect(updateCallbackHandlerResponseSchema.safeParse({ callbackHandler: { url: 'https://x' } }).success).toBe(
      false,
    );
  });

  it('read the request status and the 202 body', () => {
    expect(requestStatusResponseSchema.parse({ status: 'COMPLETED', type: 'UPDATE_CALLBACK_HANDLER', at: 1 })).toEqual({
      status: 'COMPLETED',
      type: 'UPDATE_CALLBACK_HANDLER',
    });
    expect(
      updateCallbackHandlerResponseSchema.parse({ id: 'k', callbackHandler: { url: 'https://x', cert: 'PEM' } }),
    ).toEqual({ id: 'k', callbackHandler: { url: 'https://x', cert: 'PEM' } });
  });
});

describe('request schemas', () => {
  it('apply list defaults and coerce query strings', () => {
    expect(listPageQuerySchema.parse({})).toEqual({ pageSize: 10, order: 'DESC' });
    expect(listPageQuerySchema.parse({ pageSize: '100', order: 'ASC', pageCursor: 'c' })).toEqual({
      pageSize: 100,
      order: 'ASC',
      pageCursor: 'c',
    });
  });

  it.each([{ pageSize: 0 }, { pageSize: 101 }, { pageSize: 2.5 }, { order: 'asc' }, { pageCursor: '' }])(
    'refuses %o',
    (q) => {
      expect(listPageQuerySchema.safeParse(q).success).toBe(false);
    },
  );

  it('check ids', () => {
    expect(cosignerIdSchema.safeParse(ID).success).toBe(true);
    expect(cosignerIdSchema.safeParse('not-a-uuid').success).toBe(false);
    expect(apiKeyIdSchema.safeParse('ec1ca5d4-3824-4c67-9bea-7f3f636b9f40').success).toBe(true);
    for (const bad of ['', 'a/b', '../x', 'a b', 'x'.repeat(129)])
      expect(apiKeyIdSchema.safeParse(bad).success).toBe(false);
  });

  // A dot segment passes the character rule but the URL parser resolves it: `.../api_keys/..` is the cosigner.
  const DOT_SEGMENTS = ['.', '..', '%2e', '%2E', '%2e%2e', '%2E%2e', '.%2e', '%2e.'];
  it.each(DOT_SEGMENTS)('refuses the dot segment %s as an API key id, a request id and a cosigner id', (dot) => {
    for (const schema of [apiKeyIdSchema, requestIdSchema, cosignerIdSchema])
      expect(schema.safeParse(dot).success).toBe(false);
  });

  it('says why a dot segment is refused, and still takes ids with dots inside', () => {
    expect(apiKeyIdSchema.safeParse('..').error?.issues.map((i) => i.message)).toEqual([
      'must be an API key id, not . or ..',
    ]);
    for (const ok of ['...', 'a.b', '.x', 'x..']) {
      expect(apiKeyIdSchema.safeParse(ok).success, ok).toBe(true);
      expect(requestIdSchema.safeParse(ok).success, ok).toBe(true);
    }
  });
});
