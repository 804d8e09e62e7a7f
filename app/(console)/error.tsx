'use client';

import { AlertTriangle } from 'lucide-react';

import { buttonClass } from '@/components/ui/button-styles';

/** Last-resort boundary for a page that threw while rendering; data errors are shown in place instead. */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div
      role="alert"
      className="mx-auto max-w-lg rounded-lg border border-red-200 bg-red-50 p-6 text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100"
    >
      <div className="flex items-start gap-3">
        <AlertTriangle aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-red-600 dark:text-red-400" />
        <div className="space-y-2">
          <h1 className="font-semibold">This page could not be shown</h1>
          <p className="text-sm">
            Something went wrong on our side. Try again; if it keeps happening, quote the reference below.
          </p>
          {error.digest && <p className="font-mono text-xs">Reference: {error.digest}</p>}
          <button type="button" onClick={reset} className={buttonClass({ size: 'sm' })}>
            Try again
          </button>
        </div>
      </div>
    </div>
  );
}
