import { formatFingerprint, shortFingerprint } from '@/lib/callback/format';

export interface FingerprintTextProps {
  /** Lowercase hex. */
  hex: string;
  /** Show it whole (dialogs) or shortened with the whole value on hover (tables). */
  full?: boolean;
}

/** A SHA-256 fingerprint in monospace; shortened in tables, with the full colon form in the tooltip. */
export function FingerprintText({ hex, full = false }: FingerprintTextProps) {
  const formatted = formatFingerprint(hex);
  return (
    <code title={formatted} className="font-mono text-xs break-all text-zinc-700 dark:text-zinc-300">
      {full ? formatted : shortFingerprint(hex)}
    </code>
  );
}
