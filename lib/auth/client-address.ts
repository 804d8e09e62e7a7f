import 'server-only';

import { isIP } from 'node:net';

/**
 * The address a request came from, as far as the app can know it, or null. Shown to people to recognise their own
 * sessions; never used to decide anything.
 *
 * Next.js hands a route no socket: `next start` puts the connecting peer's address in X-Forwarded-For, but only
 * when the request carries none of its own. So with no proxy in front (`trustedProxyHops` 0) the header's single
 * entry is the peer's; a longer list came from the client itself and says nothing reliable (null). Behind
 * `trustedProxyHops` proxies, each appending the address it saw, the client is that many entries from the right;
 * the entries left of it are whatever the client sent, and are ignored. A list shorter than that: null.
 */
export function clientAddress(forwardedFor: string | null, trustedProxyHops: number): string | null {
  if (!forwardedFor) return null;
  const entries = forwardedFor.split(',').map((e) => e.trim());
  if (trustedProxyHops === 0 && entries.length !== 1) return null;
  const entry = entries[entries.length - Math.max(1, trustedProxyHops)];
  if (entry === undefined) return null;
  // An IPv4 peer on a dual-stack socket reads as ::ffff:a.b.c.d; people know it as a.b.c.d.
  const address = entry.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(address) ? address : null;
}
