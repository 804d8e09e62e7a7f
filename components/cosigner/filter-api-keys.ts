import type { ApiKey } from '@/lib/queries/types';

const modeWords = (k: ApiKey) =>
  k.callbackHandler?.publicKey ? 'public key' : k.callbackHandler?.certPublicKeyHash ? 'certificate pinned' : 'none';

/** Case-insensitive match on id, callback URL, auth mode and certificate hash of the keys already loaded. */
export function filterApiKeys(rows: ApiKey[], q: string): ApiKey[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter((k) =>
    [k.id, k.callbackHandler?.url, k.callbackHandler?.certPublicKeyHash, modeWords(k)].some((v) =>
      v?.toLowerCase().includes(needle),
    ),
  );
}
