import { describe, expect, it } from 'vitest';

import {
  goNext,
  goPrevious,
  pageNumber,
  readPageState,
  toSearchParams,
  withOrder,
  withPageSize,
  type PageState,
} from './page-state';

const read = (qs: string) => readPageState(new URLSearchParams(qs));
const roundTrip = (s: PageState) => readPageState(new URLSearchParams(toSearchParams(s).toString()));

describe('page state in the URL', () => {
  it('defaults to the first page, 25 rows, DESC, and writes nothing for defaults', () => {
    const s = read('');
    expect(s).toEqual({ pageSize: 25, order: 'DESC', cursor: undefined, prev: [], q: '' });
    expect(toSearchParams(s).toString()).toBe('');
    expect(pageNumber(s)).toBe(1);
  });

  it('refuses page sizes and orders Fireblocks does not take', () => {
    expect(read('pageSize=7&order=up')).toMatchObject({ pageSize: 25, order: 'DESC' });
    expect(read('pageSize=100&order=ASC')).toMatchObject({ pageSize: 100, order: 'ASC' });
  });

  it('walks forward and back through a cursor stack that survives a reload at every step', () => {
    let s = read('pageSize=10');
    s = roundTrip(goNext(s, 'c1'));
    expect(s).toMatchObject({ cursor: 'c1', prev: [''] });
    s = roundTrip(goNext(s, 'c2'));
    expect(s).toMatchObject({ cursor: 'c2', prev: ['', 'c1'], pageSize: 10 });
    expect(pageNumber(s)).toBe(3);
    s = roundTrip(goPrevious(s));
    expect(s).toMatchObject({ cursor: 'c1', prev: [''] });
    s = roundTrip(goPrevious(s));
    expect(s).toMatchObject({ cursor: undefined, prev: [] });
    expect(goPrevious(s)).toBe(s);
  });

  it('keeps cursors containing commas and other reserved characters intact', () => {
    const odd = 'a,b/c=d+e&f';
    const s = roundTrip(goNext(goNext(read(''), odd), 'next'));
    expect(s.prev).toEqual(['', odd]);
    expect(roundTrip(goPrevious(s)).cursor).toBe(odd);
  });

  it('lets Previous reach the start from a cursor link without history', () => {
    const s = read('cursor=zz');
    expect(s.prev).toEqual(['']);
    expect(goPrevious(s)).toMatchObject({ cursor: undefined, prev: [] });
  });

  it('starts again from the first page when page size or order changes, keeping the filter', () => {
    const deep = goNext(goNext({ ...read(''), q: 'sgx' }, 'c1'), 'c2');
    expect(withPageSize(deep, 50)).toMatchObject({ pageSize: 50, cursor: undefined, prev: [], q: 'sgx' });
    expect(withOrder(deep, 'ASC')).toMatchObject({ order: 'ASC', cursor: undefined, prev: [] });
  });
});
