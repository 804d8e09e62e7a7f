import type { ReactNode } from 'react';

import { CopyButton } from '@/components/ui/copy-button';
import { formatFingerprint } from '@/lib/callback/format';

export interface FullFingerprintProps {
  /** As Fireblocks or the inspection gives it: lowercase hex for a SHA-256. */
  value: string;
  /** Accessible name of the copy button. */
  copyLabel: string;
  /** What the value is and how to reproduce it. */
  children: ReactNode;
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * A fingerprint in full, in the colon pairs people compare by eye, and copied as the plain lowercase hex that
 * `sha256sum` prints and Fireblocks returns. A value that is not a hex SHA-256 is shown (and copied) as it is.
 */
export function FullFingerprint({ value, copyLabel, children }: FullFingerprintProps) {
  const isSha256 = SHA256_HEX.test(value);
  const copied = isSha256 ? value.toLowerCase() : value;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-1">
        <code className="font-mono text-xs break-all text-zinc-800 dark:text-zinc-200">
          {isSha256 ? formatFingerprint(value) : value}
        </code>
        <CopyButton value={copied} label={copyLabel} className="-mt-1.5" />
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{children}</p>
    </div>
  );
}
