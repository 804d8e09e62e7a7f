import { describe, expect, it } from 'vitest';

import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('with no proxy trusted, takes the single entry next start put there (the socket peer)', () => {
    expect(clientAddress('127.0.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:10.1.2.3', 0)).toBe('10.1.2.3');
    expect(clientAddress('2001:db8::1', 0)).toBe('2001:db8::1');
  });

  it('with no proxy trusted, a list is the client’s own header: no address', () => {
    expect(clientAddress('203.0.113.9, 127.0.0.1', 0)).toBeNull();
  });

  it('behind N proxies, takes the entry N from the right and ignores what the client put left of it', () => {
    expect(clientAddress('6.6.6.6, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientAddress('6.6.6.6, 198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7');
    // Fewer entries than proxies: something in front is not what was configured.
    expect(clientAddress('198.51.100.7', 2)).toBeNull();
  });

  it('refuses what is not an address', () => {
    expect(clientAddress(null, 0)).toBeNull();
    expect(clientAddress('', 0)).toBeNull();
    expect(clientAddress('unknown', 0)).toBeNull();
    expect(clientAddress('<script>', 1)).toBeNull();
  });
});
