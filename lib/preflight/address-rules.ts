import 'server-only';

import { BlockList, isIPv6 } from 'node:net';

/**
 * Addresses the probe never connects to, whatever name led there: the URL rules refuse them as typed, and these
 * rules refuse them as resolved, so DNS cannot point the console at its cloud's metadata service or at itself.
 * IPv4-mapped IPv6 (`::ffff:169.254.169.254`) is matched by the IPv4 rules (node:net's BlockList does that).
 */
export type RefusedAddressKind = 'metadata' | 'link-local' | 'unspecified' | 'multicast' | 'loopback';

const listOf = (ranges: Array<[string, number]>): BlockList => {
  const list = new BlockList();
  for (const [network, prefix] of ranges) list.addSubnet(network, prefix, isIPv6(network) ? 'ipv6' : 'ipv4');
  return list;
};

/** Checked in this order: the first kind that matches names the refusal. */
const RANGES: Array<[RefusedAddressKind, Array<[string, number]>]> = [
  // Instance metadata: AWS, GCP, Azure and Oracle (169.254.169.254), AWS ECS task metadata, Alibaba Cloud, and
  // AWS over IPv6. Named apart from their ranges so that the refusal says what the address is.
  [
    'metadata',
    [
      ['169.254.169.254', 32],
      ['169.254.170.2', 32],
      ['100.100.100.200', 32],
      ['fd00:ec2::254', 128],
    ],
  ],
  [
    'link-local',
    [
      ['169.254.0.0', 16],
      ['fe80::', 10],
    ],
  ],
  [
    'unspecified',
    [
      ['0.0.0.0', 8],
      ['::', 128],
    ],
  ],
  [
    'multicast',
    [
      ['224.0.0.0', 4],
      ['255.255.255.255', 32],
      ['ff00::', 8],
    ],
  ],
  [
    'loopback',
    [
      ['127.0.0.0', 8],
      ['::1', 128],
    ],
  ],
];
const BY_KIND = RANGES.map(([kind, ranges]) => [kind, listOf(ranges)] as const);
/** Every range but loopback's in one list: an address the probe may use is told so in one check. */
const ANY_BUT_LOOPBACK = listOf(RANGES.filter(([kind]) => kind !== 'loopback').flatMap(([, ranges]) => ranges));
const LOOPBACK = listOf(RANGES.find(([kind]) => kind === 'loopback')?.[1] ?? []);

/** Why the probe will not connect to `address` (an IP as the resolver returns it), or null when it may. */
export function refusedAddressKind(address: string, o: { allowLoopback: boolean }): RefusedAddressKind | null {
  const family = isIPv6(address) ? 'ipv6' : 'ipv4';
  if (!ANY_BUT_LOOPBACK.check(address, family) && (o.allowLoopback || !LOOPBACK.check(address, family))) return null;
  for (const [kind, list] of BY_KIND) {
    if (kind === 'loopback' && o.allowLoopback) continue;
    if (list.check(address, family)) return kind;
  }
  return null;
}
