'use client';

import { AlertTriangle, CircleCheck, CircleX, Loader2, ScanSearch } from 'lucide-react';

import { ErrorState } from '@/components/ui/error-state';
import type { CallbackHandlerInspection } from '@/lib/queries/use-inspect-callback-handler';

import { InspectionFacts } from './inspection-facts';

export interface InspectionPanelProps {
  inspection: CallbackHandlerInspection | undefined;
  /** True while the answer shown is for older input than what is in the form. */
  checking: boolean;
  error: unknown;
  onRetry: () => void;
  /** Nothing entered yet. */
  empty: boolean;
  /** What is still missing, e.g. "No public key entered yet." */
  missing?: string;
}

/**
 * The server's reading of what was entered: what the key or certificate really is, its fingerprints, and
 * every error and warning. Polite live region, so screen reader users hear the verdict when typing pauses.
 */
export function InspectionPanel({ inspection, checking, error, onRetry, empty, missing }: InspectionPanelProps) {
  const errors = inspection ? Object.values(inspection.errors) : [];
  return (
    <section
      aria-labelledby="inspection-heading"
      className="rounded-lg border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <div className="mb-3 flex items-center gap-2">
        <ScanSearch aria-hidden className="h-4 w-4 text-zinc-600 dark:text-zinc-400" />
        <h2 id="inspection-heading" className="text-sm font-semibold text-zinc-950 dark:text-white">
          Inspection
        </h2>
        {checking && <Loader2 aria-hidden className="ml-auto h-4 w-4 animate-spin text-zinc-500" />}
      </div>
      <div
        aria-live="polite"
        aria-busy={checking}
        className={`space-y-3 text-sm transition-opacity ${checking ? 'opacity-50' : ''}`}
      >
        {empty ? (
          <p className="text-zinc-600 dark:text-zinc-400">
            Enter a URL and paste a key or certificate to see what it really is.
          </p>
        ) : error && !inspection ? (
          <ErrorState title="Could not inspect" error={error} onRetry={onRetry} />
        ) : !inspection ? (
          <p className="text-zinc-600 dark:text-zinc-400">Checking…</p>
        ) : (
          <>
            <p className="flex items-center gap-1.5 font-medium">
              {inspection.ok ? (
                <>
                  <CircleCheck aria-hidden className="h-4 w-4 text-emerald-600 dark:text-emerald-400" />
                  <span>{inspection.warnings.length > 0 ? 'Acceptable, with warnings' : 'Looks right'}</span>
                </>
              ) : (
                <>
                  <CircleX aria-hidden className="h-4 w-4 text-red-600 dark:text-red-400" />
                  <span>Cannot be used</span>
                </>
              )}
            </p>
            {missing && <p className="text-zinc-600 dark:text-zinc-400">{missing}</p>}
            {errors.length > 0 && (
              <ul className="space-y-1 text-red-800 dark:text-red-300">
                {errors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
            {inspection.warnings.length > 0 && (
              <ul className="space-y-1">
                {inspection.warnings.map((w) => (
                  <li
                    key={w}
                    className="flex gap-1.5 rounded-md bg-amber-50 p-2 text-amber-950 dark:bg-amber-950/60 dark:text-amber-100"
                  >
                    <AlertTriangle aria-hidden className="mt-0.5 h-3.5 w-3.5 shrink-0" />
                    <span>{w}</span>
                  </li>
                ))}
              </ul>
            )}
            <InspectionFacts inspection={inspection} />
          </>
        )}
      </div>
    </section>
  );
}
