import { describe, expect, it } from 'vitest';

import { keyListReturnPath } from './key-list-return';

describe('the way back to the key list', () => {
  const page = { qs: 'pageSize=25&cursor=c2&prev=%2Cc1&q=abc', apiKeyIds: ['k1', 'k2'] };

  it('goes to the remembered page when it holds the key, without the filter, highlighting the key', () => {
    const path = keyListReturnPath('cos 1', 'k2', page);
    const url = new URL(path, 'http://x');
    expect(url.pathname).toBe('/cosigners/cos%201');
    expect(url.searchParams.get('cursor')).toBe('c2');
    expect(url.searchParams.get('prev')).toBe(',c1');
    expect(url.searchParams.get('q')).toBeNull();
    expect(url.searchParams.get('highlight')).toBe('k2');
    expect(url.searchParams.get('updated')).toBe('1');
  });

  it('goes to the first page when the remembered page does not hold the key, or nothing is remembered', () => {
    for (const remembered of [page, null]) {
      const url = new URL(keyListReturnPath('c', 'k9', remembered), 'http://x');
      expect(url.searchParams.get('cursor')).toBeNull();
      expect(url.searchParams.get('highlight')).toBe('k9');
    }
  });
});
