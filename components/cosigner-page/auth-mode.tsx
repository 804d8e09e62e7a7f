import { formatFingerprint, shortFingerprint } from '@/lib/callback/format';

import styles from './auth-mode.module.css';
import type { AuthModeValue } from './auth-mode-value';

export interface AuthModeProps {
  value: AuthModeValue;
}

/** A SHA-256 in monospace, shortened, with the full colon form in the tooltip. */
function Hash({ hex }: { hex: string }) {
  return <code title={formatFingerprint(hex)}>{shortFingerprint(hex)}</code>;
}

/**
 * How the Co-Signer authenticates its callback handler: a public key (by its SHA-256 fingerprint), a pinned
 * certificate (by Fireblocks' certPublicKeyHash), or nothing. No hooks, no wrapper element: it renders once per row
 * of the keys table. The badge and the note stack by themselves (the note is a block).
 */
export function AuthMode({ value }: AuthModeProps) {
  if (value.mode === 'publicKey') {
    return (
      <>
        <span className={`${styles.badge} ${styles.info}`}>Public key</span>
        {value.fingerprint ? (
          <span className={styles.note}>
            SHA-256 <Hash hex={value.fingerprint} />
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
          Key hash <Hash hex={value.keyHash} />
        </span>
      </>
    );
  }
  return <span className={`${styles.badge} ${value.configured ? styles.warning : styles.neutral}`}>None</span>;
}
