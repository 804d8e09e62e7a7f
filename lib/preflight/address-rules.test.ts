import { describe, expect, it } from 'vitest';

import { refusedAddressKind } from './address-rules';

describe('refusedAddressKind', () => {
  it.each([
    ['169.254.169.254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['::ffff:169.254.1.1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'multicast'],
    ['ff02::1', 'multicast'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(refusedAddressKind(address, { allowLoopback: false })).toBe(kind);
  });

  it.each(['203.0.113.7', '10.0.0.5', '192.168.1.10', '100.64.0.1', '2001:db8::1', 'fd00::5'])(
    'lets %s be probed (a handler may sit on a private network the console shares)',
    (address) => {
      expect(refusedAddressKind(address, { allowLoopback: false })).toBeNull();
    },
  );

  it('lets loopback be probed only when told (the simulator upstream: tests and demos)', () => {
    expect(refusedAddressKind('127.0.0.1', { allowLoopback: true })).toBeNull();
    expect(refusedAddressKind('::1', { allowLoopback: true })).toBeNull();
    expect(refusedAddressKind('169.254.169.254', { allowLoopback: true })).toBe('metadata');
  });
});
