import type { ApiKeySummaryResponse } from '@/lib/queries/types';

import { authModeOfSummary, authModeWords } from '@/components/ui/handler/auth-mode-value';

/** Case-insensitive match on id, callback URL, auth mode and key fingerprint / certificate hash of the loaded keys. */
export function filterApiKeys(rows: ApiKeySummaryResponse[], q: string): ApiKeySummaryResponse[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter((k) => {
    const h = k.callbackHandler;
    return [k.id, h?.url, h?.publicKeyFingerprint, h?.certPublicKeyHash, authModeWords(authModeOfSummary(h))].some(
      (v) => v?.toLowerCase().includes(needle),
    );
  });
}
