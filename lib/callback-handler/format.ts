/**
 * How every fingerprint in the console is shown. Browser-safe (no node: imports): the key list, the key page, the
 * change sides, the inspection facts and the audit rows all format through here.
 * Fingerprints travel as lowercase hex (see fingerprint.ts); people compare them more easily in colon-separated
 * uppercase pairs, as `openssl -fingerprint` prints them.
 */

const HEX_BYTES = /^(?:[0-9a-f]{2})+$/i;

/** The value's byte pairs in uppercase, or null when it is not whole bytes of hex (shown as it is then). */
export function fingerprintPairs(value: string): string[] | null {
  if (!HEX_BYTES.test(value)) return null;
  return value.toUpperCase().match(/../g) ?? [];
}

/** `AB:CD:…` in full; a value that is not hex comes back unchanged. */
export function formatFingerprint(value: string): string {
  return fingerprintPairs(value)?.join(':') ?? value;
}

/** Pairs kept at each end of the short form: enough to spot a change at a glance. */
const SHORT_FINGERPRINT_PAIRS = 4;

/**
 * The short form where space is short: the first and last four pairs with the middle elided,
 * `AB:CD:EF:01…23:45:67:89`. Values too short to gain anything are shown in full.
 */
export function shortFingerprint(value: string): string {
  const pairs = fingerprintPairs(value);
  if (!pairs) return value;
  if (pairs.length <= SHORT_FINGERPRINT_PAIRS * 2 + 1) return pairs.join(':');
  return `${pairs.slice(0, SHORT_FINGERPRINT_PAIRS).join(':')}…${pairs.slice(-SHORT_FINGERPRINT_PAIRS).join(':')}`;
}

/** What a copy button puts on the clipboard: the full value as plain lowercase hex, as `sha256sum` prints it. */
export function fingerprintForCopy(value: string): string {
  return fingerprintPairs(value) ? value.toLowerCase() : value;
}
