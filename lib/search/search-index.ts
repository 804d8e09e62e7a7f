import 'server-only';

import type { OpenChangeRef } from '@/lib/change-model/states';
import { keyRefOf } from '@/lib/db/read-open-changes';

import type { IndexedKey, KeyIndex } from './key-index-types';
import { SEARCH_RESULT_CAP, type KeyMatchKind, type SearchKey, type SearchResponse } from './search-api-schemas';

/** Fewer hex digits than this match too much by chance to be taken as a fingerprint. */
const MIN_FINGERPRINT_HEX = 8;

const RANK: Record<KeyMatchKind, number> = { id: 0, name: 1, host: 2, url: 3, fingerprint: 4 };

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * A fingerprint as people paste it, reduced to the lowercase hex the index holds: `AB:CD:…`, `ab cd …`, `abcd…`.
 * Null when the text is not hex once separators are gone, or too short to mean one key.
 */
export function fingerprintNeedle(q: string): string | null {
  const hex = q.replace(/[\s:-]/g, '').toLowerCase();
  return hex.length >= MIN_FINGERPRINT_HEX && /^[0-9a-f]+$/.test(hex) ? hex : null;
}

/** How a key matches the (lowercased) query, the strongest way first; null when it does not. */
function keyMatch(key: IndexedKey, needle: string, hexNeedle: string | null): KeyMatchKind | null {
  if (key.apiKeyId.toLowerCase().includes(needle)) return 'id';
  if (key.apiUser?.name.toLowerCase().includes(needle)) return 'name';
  if (hostOf(key.url)?.includes(needle)) return 'host';
  if (key.url?.toLowerCase().includes(needle)) return 'url';
  if (hexNeedle) {
    if (key.publicKeyFingerprint?.includes(hexNeedle) || key.certPublicKeyHash?.toLowerCase().includes(hexNeedle))
      return 'fingerprint';
  }
  return null;
}

const toResult = (key: IndexedKey, match: KeyMatchKind, openChange: OpenChangeRef | undefined): SearchKey => ({
  cosignerId: key.cosignerId,
  cosignerName: key.cosignerName,
  apiKeyId: key.apiKeyId,
  url: key.url,
  host: hostOf(key.url),
  fingerprint: key.publicKeyFingerprint ?? key.certPublicKeyHash?.toLowerCase(),
  apiUser: key.apiUser,
  match,
  ...(openChange && { openChange }),
});

/**
 * Searches the index: keys by id (or part), API user name (or part), callback URL host or URL (or part), fingerprint
 * in any common spelling;
 * cosigners by name or id (or part). Case-insensitive. Strongest matches first, then the walk's order; at most
 * SEARCH_RESULT_CAP of each. A key with an open change (`openChanges`, by keyRefOf) names it.
 */
export function searchIndex(
  index: KeyIndex,
  query: string,
  openChanges: ReadonlyMap<string, OpenChangeRef> = new Map(),
): SearchResponse {
  const needle = query.trim().toLowerCase();
  const hexNeedle = fingerprintNeedle(needle);
  const cosigners = index.cosigners.filter(
    (c) => c.id.toLowerCase().includes(needle) || Boolean(c.name?.toLowerCase().includes(needle)),
  );
  const keys = index.keys
    .flatMap((key) => {
      const match = keyMatch(key, needle, hexNeedle);
      return match ? [{ key, match }] : [];
    })
    // Array.prototype.sort is stable: within a rank the walk's order (cosigner, then key) stays.
    .sort((a, b) => RANK[a.match] - RANK[b.match]);
  return {
    cosigners: cosigners.slice(0, SEARCH_RESULT_CAP),
    keys: keys
      .slice(0, SEARCH_RESULT_CAP)
      .map(({ key, match }) => toResult(key, match, openChanges.get(keyRefOf(key.cosignerId, key.apiKeyId)))),
    asOf: index.asOf,
    truncated: cosigners.length > SEARCH_RESULT_CAP || keys.length > SEARCH_RESULT_CAP,
    searched: { cosigners: index.cosigners.length, keys: index.keys.length },
    apiUsers: index.apiUsers,
  };
}
