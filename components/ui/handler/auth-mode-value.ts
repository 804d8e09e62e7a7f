import type { ApiKeySummaryResponse } from '@/lib/queries/types';

/** How the Co-Signer authenticates a key's callback handler, as the table and the edit page show it. */
export type AuthModeValue =
  /** fingerprint: lowercase hex; null when the key is not readable; undefined while the browser still computes it. */
  | { mode: 'publicKey'; fingerprint: string | null | undefined }
  /** keyHash: Fireblocks' certPublicKeyHash, all the API returns for a pinned certificate. */
  | { mode: 'cert'; keyHash: string }
  /** configured: a URL is set without a key or certificate, which is worth noticing. */
  | { mode: 'none'; configured: boolean };

/** From a list row, whose public key the server has already fingerprinted. */
export function authModeOfSummary(handler: ApiKeySummaryResponse['callbackHandler']): AuthModeValue {
  if (handler?.publicKeyFingerprint !== undefined)
    return { mode: 'publicKey', fingerprint: handler.publicKeyFingerprint };
  if (handler?.certPublicKeyHash) return { mode: 'cert', keyHash: handler.certPublicKeyHash };
  return { mode: 'none', configured: Boolean(handler) };
}

/** Words the page filter matches a row's authentication by. */
export function authModeWords(value: AuthModeValue): string {
  return value.mode === 'publicKey' ? 'public key' : value.mode === 'cert' ? 'certificate pinned' : 'none';
}
