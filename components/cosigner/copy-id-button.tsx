'use client';

import { useState } from 'react';

import styles from './api-keys-table.module.css';
import { CHECK_ICON_HREF, COPY_ICON_HREF } from './row-icons';

export interface CopyIdButtonProps {
  value: string;
  /** Accessible name, e.g. "Copy API key ID 1234…". */
  label: string;
}

/**
 * The keys table's copy button: the shared CopyButton's behaviour (icon and a polite live message say it worked),
 * with its icon drawn by reference to the table's one <symbol> instead of a full SVG on each of 100 rows.
 */
export function CopyIdButton({ value, label }: CopyIdButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 1500);
  }

  return (
    <button type="button" onClick={() => void copy()} aria-label={label} title={label} className={styles.copy}>
      <svg aria-hidden className={state === 'copied' ? styles.copied : styles.icon}>
        <use href={state === 'copied' ? CHECK_ICON_HREF : COPY_ICON_HREF} />
      </svg>
      <span role="status" className="sr-only">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </button>
  );
}
