'use client';

import { Badge } from '@/components/ui/badge';
import type { ApiKey } from '@/lib/queries/types';

import { FingerprintText } from './fingerprint-text';
import { useSpkiFingerprint } from './use-spki-fingerprint';

export interface AuthModeProps {
  handler: ApiKey['callbackHandler'];
}

/**
 * How the Co-Signer authenticates its callback handler: a public key (shown by its SHA-256 fingerprint),
 * a pinned certificate (by Fireblocks' certPublicKeyHash, all the API returns), or nothing.
 */
export function AuthMode({ handler }: AuthModeProps) {
  const fingerprint = useSpkiFingerprint(handler?.publicKey);
  if (handler?.publicKey) {
    return (
      <span className="flex flex-col items-start gap-1">
        <Badge tone="info">Public key</Badge>
        {fingerprint ? (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            SHA-256 <FingerprintText hex={fingerprint} />
          </span>
        ) : fingerprint === null ? (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">Unreadable key</span>
        ) : null}
      </span>
    );
  }
  if (handler?.certPublicKeyHash) {
    return (
      <span className="flex flex-col items-start gap-1">
        <Badge tone="success">Pinned certificate</Badge>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          Key hash <FingerprintText hex={handler.certPublicKeyHash} />
        </span>
      </span>
    );
  }
  // A URL with no key or certificate: the Co-Signer cannot authenticate the handler; worth noticing.
  return (
    <Badge tone={handler ? 'warning' : 'neutral'}>None</Badge>
  );
}
