import ipaddr from 'ipaddr.js';

/**
 * Which kind of address a callback URL's host is, for the ranges a Co-Signer can never call as a handler.
 * Takes `URL.hostname` as the WHATWG parser leaves it: every IPv4 spelling (decimal `2852039166`, hex `0xa9fe0101`,
 * octal, short `169.254.1`, a trailing dot) is already dotted-quad, and IPv6 is lowercase hex in brackets, with an
 * embedded IPv4 (`::ffff:169.254.1.1`) already written as `::ffff:a9fe:101`. The address ranges are ipaddr.js's
 * (its IANA special-purpose tables), so this file only says which of them are refused. Browser-safe: no node: imports.
 */
export type BlockedAddress = 'link-local' | 'unspecified';

/** ipaddr.js's range names that are refused, for IPv4 and IPv6 alike; every other range (private too) is allowed. */
const BLOCKED_RANGES: Partial<Record<string, BlockedAddress>> = {
  // 169.254.0.0/16 (cloud metadata at 169.254.169.254 included) and fe80::/10.
  linkLocal: 'link-local',
  // 0.0.0.0/8 ("this network": a source address only, never somewhere to connect to) and ::/128.
  unspecified: 'unspecified',
};

function parseHost(host: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (host.startsWith('[') && host.endsWith(']')) {
    const inner = host.slice(1, -1);
    return ipaddr.IPv6.isValid(inner) ? ipaddr.IPv6.parse(inner) : null;
  }
  // Only the dotted quad the URL parser writes: ipaddr.js would also read `0xa9fe0101` or `1.2.3`, which a hostname
  // from URL never is, and a DNS name made of digits and dots would then pass for an address.
  return ipaddr.IPv4.isValidFourPartDecimal(host) ? ipaddr.IPv4.parse(host) : null;
}

/** The blocked kind of `hostname` (as `URL.hostname` gives it), or null for a name or any other address. */
export function blockedAddressKind(hostname: string): BlockedAddress | null {
  const parsed = parseHost(hostname.toLowerCase());
  if (!parsed) return null;
  // IPv4-mapped ::ffff:a.b.c.d reaches the IPv4 address itself.
  const address = parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed;
  return BLOCKED_RANGES[address.range()] ?? null;
}
