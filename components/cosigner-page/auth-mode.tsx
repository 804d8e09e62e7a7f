import { CopyButton } from '@/components/ui/copy-button';
import { FingerprintCode } from '@/components/ui/fingerprint';
import { fingerprintForCopy } from '@/lib/callback/format';

import styles from './auth-mode.module.css';
import type { AuthModeValue } from './auth-mode-value';
import { CopyIdButton } from './copy-id-button';

export interface AuthModeProps {
  value: AuthModeValue;
  /** Given in the keys table: the copy button reports to the table's one live region instead of its own. */
  onCopyResult?: (message: string) => void;
}

/** A SHA-256 shortened (the middle elided), the full colon form in the tooltip, and its copy button in the table. */
function Hash({ hex, label, onCopyResult }: { hex: string; label: string; onCopyResult?: (message: string) => void }) {
  return (
    <>
      <FingerprintCode value={hex} form="short" />
      {onCopyResult ? (
        <CopyIdButton value={fingerprintForCopy(hex)} label={label} onResult={onCopyResult} />
      ) : (
        <CopyButton value={fingerprintForCopy(hex)} label={label} className="-my-1.5 align-middle" />
      )}
    </>
  );
}

/**
 * How the Co-Signer authenticates its callback handler: a public key (by its SHA-256 fingerprint), a pinned
 * certificate (by Fireblocks' certPublicKeyHash), or nothing. No hooks, no wrapper element: it renders once per row
 * of the keys table. The badge and the note stack by themselves (the note is a block).
 */
export function AuthMode({ value, onCopyResult }: AuthModeProps) {
  if (value.mode === 'publicKey') {
    return (
      <>
        <span className={`${styles.badge} ${styles.info}`}>Public key</span>
        {value.fingerprint ? (
          <span className={styles.note}>
            SHA-256 <Hash hex={value.fingerprint} label="Copy SHA-256 fingerprint" onCopyResult={onCopyResult} />
          </span>
        ) : value.fingerprint === null ? (
          <span className={styles.note}>Unreadable key</span>
        ) : null}
      </>
    );
  }
  if (value.mode === 'cert') {
    return (
      <>
        <span className={`${styles.badge} ${styles.success}`}>Pinned certificate</span>
        <span className={styles.note}>
          Key hash <Hash hex={value.keyHash} label="Copy certificate key hash" onCopyResult={onCopyResult} />
        </span>
      </>
    );
  }
  return <span className={`${styles.badge} ${value.configured ? styles.warning : styles.neutral}`}>None</span>;
}
