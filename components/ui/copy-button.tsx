'use client';

import { useState } from 'react';
import { cn } from './cn';
import { CheckIcon, CopyIcon } from './inline-icons';

export interface CopyButtonProps {
  value: string;
  /** Accessible name, e.g. "Copy cosigner id 1234…". */
  label: string;
  className?: string;
}

/** Copies a value and says so in place (icon + a polite live message), instead of a toast far away. */
export function CopyButton({ value, label, className }: CopyButtonProps) {
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
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={label}
      title={label}
      className={cn(
        'inline-flex h-7 w-7 shrink-0 items-center justify-center rounded text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
        className,
      )}
    >
      {state === 'copied' ? (
        <CheckIcon className="h-3.5 w-3.5 text-emerald-600" />
      ) : (
        <CopyIcon className="h-3.5 w-3.5" />
      )}
      <span role="status" className="sr-only">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </button>
  );
}
