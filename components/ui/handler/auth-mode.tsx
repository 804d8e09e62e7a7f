import { CopyButton } from '@/components/ui/copy-button';
import { FingerprintCode } from '@/components/ui/fingerprint';
import { fingerprintForCopy } from '@/lib/callback-handler/format';

import { CopyIdButton } from '@/components/ui/copy-id-button';
import styles from './auth-mode.module.css';
import type { AuthModeValue } from './auth-mode-value';

export interface AuthModeProps {
  value: AuthModeValue;
  /** In the keys table: its compact copy button, which reports to the table's one live region instead of its own. */
  inTable?: boolean;
}

/** A SHA-256 shortened (the middle elided), the full colon form in the tooltip, and its copy button in the table. */
function Hash({ hex, label, inTable }: { hex: string; label: string; inTable: boolean }) {
  return (
    <>
      <FingerprintCode value={hex} form="short" />
      {inTable ? (
        <CopyIdButton value={fingerprintForCopy(hex)} label={label} />
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
export function AuthMode({ value, inTable = false }: AuthModeProps) {
  if (value.mode === 'publicKey') {
    return (
      <>
        <span className={`${styles.badge} ${styles.info}`}>Public key</span>
        {value.fingerprint ? (
          <span className={styles.note}>
            SHA-256 <Hash hex={value.fingerprint} label="Copy SHA-256 fingerprint" inTable={inTable} />
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
          Key hash <Hash hex={value.keyHash} label="Copy certificate key hash" inTable={inTable} />
        </span>
      </>
    );
  }
  return <span className={`${styles.badge} ${value.configured ? styles.warning : styles.neutral}`}>None</span>;
}
