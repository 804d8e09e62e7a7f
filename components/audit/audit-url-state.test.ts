import { describe, expect, it } from 'vitest';

import { goNext } from '@/components/ui/pagination/page-state';

import {
  isoToLocalInput,
  localInputToIso,
  readAuditUrlState,
  toAuditSearchParams,
  withFilter,
} from './audit-url-state';

const read = (qs: string) => readAuditUrlState(new URLSearchParams(qs));

describe('the audit page state in the URL', () => {
  it('reads filters and page, and writes them back the same', () => {
    const qs =
      'kind=sign_in&actor=alice&cosignerId=cos-1&from=2026-11-30T10%3A00%3A00.000Z&pageSize=50&cursor=c2&prev=%2Cc1';
    const state = read(qs);
    expect(state.problem).toBeNull();
    expect(state.filter).toEqual({
      kind: 'sign_in',
      actor: 'alice',
      cosignerId: 'cos-1',
      from: '2026-11-30T10:00:00.000Z',
    });
    expect(state.page).toMatchObject({ pageSize: 50, cursor: 'c2', prev: ['', 'c1'], order: 'DESC' });
    expect(read(toAuditSearchParams(state).toString())).toEqual(state);
  });

  it('keeps what the API would refuse as typed, reads nothing with it, and says which filter and why', () => {
    const bad = read('kind=nope&actor=bob');
    expect(bad.raw).toEqual({ kind: 'nope', actor: 'bob' });
    expect(bad.filter).toEqual({});
    expect(bad.problem).toEqual({ key: 'kind', message: expect.stringMatching(/^Kind: /) as unknown });
    expect(read('apiKeyId=not%20an%20id!').problem).toEqual({
      key: 'apiKeyId',
      message: expect.stringMatching(/^API key ID: letters, digits/) as unknown,
    });
    expect(read('from=2026-11-30T10:00:00Z&to=2026-11-30T09:00:00Z').problem?.message).toBe(
      'Before: must be after from',
    );
    // Written back exactly as it was typed, so a reload shows the same problem.
    expect(toAuditSearchParams(bad).toString()).toBe('kind=nope&actor=bob');
  });

  it('starts from the newest page when the filter changes', () => {
    const deep = { ...read('actor=bob'), page: goNext(goNext(read('').page, 'c1'), 'c2') };
    const next = withFilter(deep, { kind: 'sign_out' });
    expect(next.page).toMatchObject({ cursor: undefined, prev: [] });
    expect(next.filter).toEqual({ kind: 'sign_out' });
    expect(toAuditSearchParams(next).toString()).toBe('kind=sign_out');
  });

  it('converts between ISO times and the local datetime input', () => {
    const local = isoToLocalInput('2026-11-30T10:07:00.000Z');
    expect(local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(localInputToIso(local)).toBe('2026-11-30T10:07:00.000Z');
    expect(localInputToIso('')).toBeUndefined();
    expect(isoToLocalInput(undefined)).toBe('');
  });
});
