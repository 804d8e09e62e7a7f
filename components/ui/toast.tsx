'use client';

import { useEffect, useState } from 'react';

import { CheckIcon } from './inline-icons';

export interface ToastProps {
  message: string;
  /** How long it stays, in ms. */
  durationMs?: number;
}

/**
 * A short confirmation in the corner (announced politely), gone after a while or when closed. One at a time: the
 * page that shows it decides when.
 */
export function Toast({ message, durationMs = 8000 }: ToastProps) {
  const [open, setOpen] = useState(true);
  useEffect(() => {
    const t = window.setTimeout(() => setOpen(false), durationMs);
    return () => window.clearTimeout(t);
  }, [durationMs]);
  return (
    <div role="status" aria-live="polite" className="fixed right-4 bottom-4 z-50 max-w-[calc(100vw-2rem)]">
      {open && (
        <div className="flex items-center gap-2 rounded-lg border border-emerald-200 bg-white px-4 py-3 text-sm text-zinc-900 shadow-lg dark:border-emerald-800 dark:bg-zinc-900 dark:text-zinc-100">
          <CheckIcon className="h-4 w-4 shrink-0 text-emerald-600 dark:text-emerald-400" />
          <span>{message}</span>
          <button
            type="button"
            onClick={() => setOpen(false)}
            className="ml-2 rounded px-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
            aria-label="Dismiss"
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
