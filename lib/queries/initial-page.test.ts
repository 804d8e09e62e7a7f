import { describe, expect, it } from 'vitest';

import { initialFor } from './initial-page';

const page = { pageSize: 25, order: 'DESC' as const };

describe('initialFor', () => {
  it('gives the server data to the page it was read for only', () => {
    const initial = { page, data: { data: [1], next: null } };
    expect(initialFor({ ...page }, initial)).toBe(initial.data);
    expect(initialFor({ ...page, cursor: '' }, initial)).toBe(initial.data);
    expect(initialFor({ ...page, cursor: 'c1' }, initial)).toBeUndefined();
    expect(initialFor({ ...page, pageSize: 50 }, initial)).toBeUndefined();
    expect(initialFor({ ...page, order: 'ASC' }, initial)).toBeUndefined();
  });
  it('gives nothing when the server could not read it', () => {
    expect(initialFor(page, { page, data: null })).toBeUndefined();
    expect(initialFor(page, undefined)).toBeUndefined();
  });
});
