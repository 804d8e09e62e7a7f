import { describe, expect, it } from 'vitest';

import { responseProblems } from './openapi';

// The validator itself must catch violations, or "every response validates" proves nothing.
const res = (status: number, body: unknown, headers: Record<string, string> = { 'x-request-id': 'r' }) => ({
  status,
  headers,
  text: JSON.stringify(body),
});
const ID = '44fcead0-7053-4831-a53a-df7fb90d440f';

describe('OpenAPI response validator', () => {
  it('accepts a conforming cosigner', () => {
    expect(responseProblems('GET', `/v1/cosigners/${ID}`, res(200, { id: ID, archived: false, type: 'SGX' }))).toEqual(
      [],
    );
  });

  it('rejects a missing required field, a bad enum, a bad uuid and an undeclared field', () => {
    expect(responseProblems('GET', `/v1/cosigners/${ID}`, res(200, { id: ID }))).not.toEqual([]);
    expect(
      responseProblems('GET', `/v1/cosigners/${ID}`, res(200, { id: ID, archived: false, type: 'TEE' })),
    ).not.toEqual([]);
    expect(responseProblems('GET', `/v1/cosigners/${ID}`, res(200, { id: 'x', archived: false }))).not.toEqual([]);
    expect(responseProblems('GET', `/v1/cosigners/${ID}`, res(200, { id: ID, archived: false, extra: 1 }))).not.toEqual(
      [],
    );
  });

  it('checks date-time formats, nullable next and the ErrorSchema', () => {
    const key = (lastSeen: string) => res(200, { data: [{ id: ID, lastSeen }], next: null });
    expect(responseProblems('GET', `/v1/cosigners/${ID}/api_keys`, key('2026-01-01T00:00:00.000Z'))).toEqual([]);
    expect(responseProblems('GET', `/v1/cosigners/${ID}/api_keys`, key('yesterday'))).not.toEqual([]);
    expect(responseProblems('GET', '/v1/cosigners', res(401, { message: 'm', code: -1 }))).toEqual([]);
    expect(responseProblems('GET', '/v1/cosigners', res(401, { message: 'm', code: 'x' }))).not.toEqual([]);
  });

  it('requires declared headers (X-Request-ID, Location on 202) and declared success statuses', () => {
    const path = `/v1/cosigners/${ID}/api_keys/${ID}`;
    expect(responseProblems('PATCH', path, res(202, { id: ID }))).toEqual(['missing header Location']);
    expect(responseProblems('GET', '/v1/cosigners', res(200, { data: [] }, {}))).toEqual([
      'missing header X-Request-ID',
    ]);
    expect(responseProblems('GET', path, res(202, { id: ID }))).not.toEqual([]);
  });
});
