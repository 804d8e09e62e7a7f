import 'server-only';

import { BlockList, isIPv6 } from 'node:net';

/**
 * Addresses the probe never connects to, whatever name led there: the URL rules refuse them as typed, and these
 * rules refuse them as resolved, so DNS cannot point the console at its cloud's metadata service or at itself.
 * IPv4-mapped IPv6 (`::ffff:169.254.169.254`) is matched by the IPv4 rules (node:net's BlockList does that).
 */
export type RefusedAddressKind = 'metadata' | 'link-local' | 'unspecified' | 'multicast' | 'loopback';

function listOf(rules: Array<[string, number]>): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of rules) list.addSubnet(network, prefix, isIPv6(network) ? 'ipv6' : 'ipv4');
  return list;
}

/** Checked in this order: the first kind that matches names the refusal. */
const RULES: Array<[RefusedAddressKind, BlockList]> = [
  // Instance metadata: AWS, GCP, Azure and Oracle (169.254.169.254), AWS ECS task metadata, Alibaba Cloud, and
  // AWS over IPv6. Named apart from their ranges so that the refusal says what the address is.
  [
    'metadata',
    listOf([
      ['169.254.169.254', 32],
      ['169.254.170.2', 32],
      ['100.100.100.200', 32],
      ['fd00:ec2::254', 128],
    ]),
  ],
  [
    'link-local',
    listOf([
      ['169.254.0.0', 16],
      ['fe80::', 10],
    ]),
  ],
  [
    'unspecified',
    listOf([
      ['0.0.0.0', 8],
      ['::', 128],
    ]),
  ],
  [
    'multicast',
    listOf([
      ['224.0.0.0', 4],
      ['255.255.255.255', 32],
      ['ff00::', 8],
    ]),
  ],
  [
    'loopback',
    listOf([
      ['127.0.0.0', 8],
      ['::1', 128],
    ]),
  ],
];

/** Why the probe will not connect to `address` (an IP as the resolver returns it), or null when it may. */
export function refusedAddressKind(address: string, o: { allowLoopback: boolean }): RefusedAddressKind | null {
  const family = isIPv6(address) ? 'ipv6' : 'ipv4';
  for (const [kind, list] of RULES) {
    if (kind === 'loopback' && o.allowLoopback) continue;
    if (list.check(address, family)) return kind;
  }
  return null;
}
