'use client';

import { useSpkiFingerprint } from '@/components/ui/handler/use-spki-fingerprint';
import type { ApiKeyResponse } from '@/lib/queries/types';
import type { CallbackHandlerInspection } from '@/lib/queries/use-inspect-callback-handler';

import type { HandlerSide } from '@/components/ui/handler/handler-diff';

/** The key's live handler as one side of the comparison (its public key fingerprinted in the browser). */
export function useCurrentSide(handler: ApiKeyResponse['callbackHandler']): HandlerSide | null {
  const fingerprint = useSpkiFingerprint(handler?.publicKey);
  if (!handler) return null;
  if (handler.publicKey) return { url: handler.url, mode: 'publicKey', keyHash: fingerprint ?? undefined };
  if (handler.certPublicKeyHash) return { url: handler.url, mode: 'cert', keyHash: handler.certPublicKeyHash };
  return { url: handler.url, mode: 'none' };
}

/** The submitted handler as the other side, its key identified by the server's inspection. */
export function proposedSide(
  url: string,
  mode: 'publicKey' | 'cert',
  inspection: CallbackHandlerInspection | undefined,
): HandlerSide {
  const keyHash = mode === 'cert' ? inspection?.cert?.publicKeySha256 : inspection?.publicKey?.fingerprintSha256;
  return { url: url.trim(), mode, keyHash };
}
