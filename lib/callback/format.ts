/**
 * Display helpers shared by the panel and the confirm dialog. Browser-safe.
 * Fingerprints travel as lowercase hex (see fingerprint.ts); people compare them more easily in
 * colon-separated uppercase pairs, as `openssl -fingerprint` prints them.
 */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');
}

/** Short form for tables: first and last 8 hex digits, enough to spot a change at a glance. */
export function shortFingerprint(hex: string): string {
  return hex.length <= 20 ? hex : `${hex.slice(0, 8)}…${hex.slice(-8)}`;
}
