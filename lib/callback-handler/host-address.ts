/**
 * Which kind of address a callback URL's host is, for the ranges a Co-Signer can never call as a handler.
 * Takes `URL.hostname` as the WHATWG parser leaves it: every IPv4 spelling (decimal `2852039166`, hex `0xa9fe0101`,
 * octal, short `169.254.1`, a trailing dot) is already dotted-quad, and IPv6 is lowercase hex in brackets, with an
 * embedded IPv4 (`::ffff:169.254.1.1`) already written as `::ffff:a9fe:101`. Browser-safe: no node: imports.
 */
export type BlockedAddress = 'link-local' | 'unspecified';

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Kind(octets: readonly number[]): BlockedAddress | null {
  const [a, b] = octets;
  if (a === 169 && b === 254) return 'link-local';
  // 0.0.0.0/8 is "this network": a source address only, never somewhere to connect to.
  if (a === 0) return 'unspecified';
  return null;
}

/** `fe80::1` -> its eight 16-bit groups; null for anything the URL parser would not have written. */
function ipv6Groups(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.some(Number.isNaN) ? null : groups;
}

function ipv6Kind(groups: readonly number[]): BlockedAddress | null {
  if (groups.every((g) => g === 0)) return 'unspecified';
  const first = groups[0] ?? 0;
  if (first >= 0xfe80 && first <= 0xfebf) return 'link-local'; // fe80::/10
  // IPv4-mapped ::ffff:a.b.c.d reaches the IPv4 address itself.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return ipv4Kind([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  return null;
}

/** The blocked kind of `hostname` (as `URL.hostname` gives it), or null for a name or any other address. */
export function blockedAddressKind(hostname: string): BlockedAddress | null {
  const host = hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = ipv6Groups(host.slice(1, -1));
    return groups ? ipv6Kind(groups) : null;
  }
  const quad = DOTTED_QUAD.exec(host);
  return quad ? ipv4Kind(quad.slice(1).map(Number)) : null;
}
