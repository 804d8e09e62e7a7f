'use client';

import { createContext, useContext, useState } from 'react';

import styles from './copy-id-button.module.css';

/**
 * Where the keys table's copy buttons report what happened ("Copied", "Copy failed"; '' to clear): the table's one
 * live region. A context rather than a prop, so that the rows take no function and a server component can render
 * them (the render bench's floor page does); without a provider, nothing is reported.
 */
export const CopyReportContext = createContext<(message: string) => void>(() => undefined);

export interface CopyIdButtonProps {
  value: string;
  /** Accessible name, e.g. "Copy API key ID 1234…". */
  label: string;
}

/**
 * The keys table's copy button: the shared CopyButton's behaviour in one element per row, since a page holds up to
 * 100 of them. The icon is CSS (swapped by data-copied) and the message goes to the table's live region.
 */
export function CopyIdButton({ value, label }: CopyIdButtonProps) {
  const [copied, setCopied] = useState(false);
  const report = useContext(CopyReportContext);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      report('Copied');
    } catch {
      report('Copy failed');
    }
    window.setTimeout(() => {
      setCopied(false);
      report('');
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
