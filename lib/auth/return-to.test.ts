import { describe, expect, it } from 'vitest';

import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it.each([
    ['/cosigners', '/cosigners'],
    ['/cosigners/abc/api-keys?pageSize=20&order=ASC', '/cosigners/abc/api-keys?pageSize=20&order=ASC'],
    ['/cosigners#keys', '/cosigners#keys'],
    // The step-up round trip of an approval comes back to the same approval.
    [
      '/changes/6f1c1a52-7d6e-4d0f-9d2c-1b2a3c4d5e6f?approve=1',
      '/changes/6f1c1a52-7d6e-4d0f-9d2c-1b2a3c4d5e6f?approve=1',
    ],
    ['/a/../cosigners', '/cosigners'],
    ['/', '/'],
  ])('keeps the same-origin path %s', (raw, expected) => {
    expect(safeReturnTo(raw)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['//evil.example'],
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['/\\/evil.example'],
    ['\\\\evil.example'],
    ['https://evil.example/'],
    ['http:/evil.example'],
    ['javascript:alert(1)'],
    ['cosigners'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/cosigners\u0000'],
    ['/cosigners\u007f'],
    ['/auth/login?returnTo=/x'],
    ['/auth/logout'],
    [`/${'a'.repeat(2100)}`],
  ])('falls back to / for %j', (raw) => {
    expect(safeReturnTo(raw)).toBe('/');
  });
});
