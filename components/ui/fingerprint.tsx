import { Fragment, type ReactNode } from 'react';

import {
  fingerprintForCopy,
  fingerprintPairs,
  formatFingerprint,
  shortFingerprint,
} from '@/lib/callback-handler/format';

import { cn } from './cn';
import { CopyButton } from './copy-button';
import styles from './fingerprint.module.css';

export interface FingerprintCodeProps {
  /** As Fireblocks or the inspection gives it: lowercase hex for a SHA-256. */
  value: string;
  /** `full`: every pair, wrapping only between pairs; `short`: first and last four pairs, the middle elided. */
  form?: 'full' | 'short';
  className?: string;
}

/**
 * A fingerprint in the one form the console shows: uppercase hex in colon pairs. A line may break only after a
 * colon (a <wbr> there, and no break inside the pairs), never inside a pair; the short form does not wrap at all.
 * No hooks, no client code: the keys table renders one per row.
 */
export function FingerprintCode({ value, form = 'full', className }: FingerprintCodeProps) {
  const pairs = fingerprintPairs(value);
  if (!pairs) return <code className={cn(styles.code, styles.raw, className)}>{value}</code>;
  if (form === 'short')
    return (
      <code title={formatFingerprint(value)} className={cn(styles.code, styles.short, className)}>
        {shortFingerprint(value)}
      </code>
    );
  return (
    <code className={cn(styles.code, className)} data-fingerprint="">
      {/* A pair and its colon as one string: as two JSX children they would be two text nodes and a `<!-- -->`. */}
      {pairs.map((pair, i) =>
        i < pairs.length - 1 ? (
          <Fragment key={i}>
            {`${pair}:`}
            <wbr />
          </Fragment>
        ) : (
          pair
        ),
      )}
    </code>
  );
}

export interface FingerprintProps extends FingerprintCodeProps {
  /** Accessible name of the copy button, e.g. "Copy SHA-256 fingerprint". */
  copyLabel: string;
  /** What the value is and how to reproduce it, under it. */
  children?: ReactNode;
}

/**
 * A fingerprint with its copy button, which always copies the whole value as plain lowercase hex (as `sha256sum`
 * prints it and Fireblocks returns it), whichever form is shown.
 */
export function Fingerprint({ copyLabel, children, ...code }: FingerprintProps) {
  const row = (
    <span className="inline-flex max-w-full items-start gap-1">
      <FingerprintCode {...code} className={cn('min-w-0 pt-1 text-zinc-800 dark:text-zinc-200', code.className)} />
      <CopyButton value={fingerprintForCopy(code.value)} label={copyLabel} />
    </span>
  );
  if (!children) return row;
  return (
    <div className="space-y-1">
      {row}
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{children}</p>
    </div>
  );
}
