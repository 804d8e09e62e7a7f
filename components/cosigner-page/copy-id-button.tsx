'use client';

import { useState } from 'react';

import styles from './api-keys-table.module.css';

export interface CopyIdButtonProps {
  value: string;
  /** Accessible name, e.g. "Copy API key ID 1234…". */
  label: string;
  /** Tells the table's one live region what happened ("Copied", "Copy failed"; '' to clear). */
  onResult: (message: string) => void;
}

/**
 * The keys table's copy button: the shared CopyButton's behaviour in one element per row, since a page holds up to
 * 100 of them. The icon is CSS (swapped by data-copied) and the message goes to the table's live region.
 */
export function CopyIdButton({ value, label, onResult }: CopyIdButtonProps) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      onResult('Copied');
    } catch {
      onResult('Copy failed');
    }
    window.setTimeout(() => {
      setCopied(false);
      onResult('');
    }, 1500);
  }

  return (
    <button
      type="button"
      onClick={() => void copy()}
      // The title is its accessible name too (a button with no content is named by its title): one copy of the text
      // per row instead of two.
      title={label}
      className={styles.copy}
      data-copied={copied || undefined}
    />
  );
}
