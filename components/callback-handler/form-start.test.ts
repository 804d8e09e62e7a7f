import { describe, expect, it } from 'vitest';

import { canStartForm, prefilledUrlOf } from './form-start';

describe('canStartForm', () => {
  it('starts at once from the data the server rendered with', () => {
    expect(canStartForm({ hasData: true, isFetching: false, isFetchedAfterMount: false })).toBe(true);
  });

  it('waits while a stale cached copy is being re-read, then starts from the fresh one', () => {
    expect(canStartForm({ hasData: true, isFetching: true, isFetchedAfterMount: false })).toBe(false);
    expect(canStartForm({ hasData: true, isFetching: false, isFetchedAfterMount: true })).toBe(true);
  });

  it('stays started through later refetches (the form ignores them)', () => {
    expect(canStartForm({ hasData: true, isFetching: true, isFetchedAfterMount: true })).toBe(true);
  });

  it('never starts without data', () => {
    expect(canStartForm({ hasData: false, isFetching: false, isFetchedAfterMount: true })).toBe(false);
  });
});

describe('prefilledUrlOf', () => {
  it('takes one trimmed URL from the query', () => {
    expect(prefilledUrlOf(' https://h.example.com/fireblocks ')).toBe('https://h.example.com/fireblocks');
  });

  it('ignores a missing, empty, repeated or oversized value', () => {
    expect(prefilledUrlOf(undefined)).toBeUndefined();
    expect(prefilledUrlOf('  ')).toBeUndefined();
    expect(prefilledUrlOf(['https://a.example.com', 'https://b.example.com'])).toBeUndefined();
    expect(prefilledUrlOf(`https://h.example.com/${'a'.repeat(2048)}`)).toBeUndefined();
  });
});
