'use client';

import type { ApiKeyResponse } from '@/lib/queries/types';

import type { AuthModeValue } from './auth-mode-value';
import { useSpkiFingerprint } from './use-spki-fingerprint';

/** From a single key with its full PEM (the edit page): the fingerprint is computed in the browser. */
export function useAuthModeOfKey(handler: ApiKeyResponse['callbackHandler']): AuthModeValue {
  const fingerprint = useSpkiFingerprint(handler?.publicKey);
  if (handler?.publicKey) return { mode: 'publicKey', fingerprint };
  if (handler?.certPublicKeyHash) return { mode: 'cert', keyHash: handler.certPublicKeyHash };
  return { mode: 'none', configured: Boolean(handler) };
}
