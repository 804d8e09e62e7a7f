'use client';

import { AlertTriangle, CircleCheck, CircleDashed, CircleX, Loader2, ScanSearch } from 'lucide-react';

import { ErrorState } from '@/components/ui/error-state';
import type { CallbackHandlerInspection } from '@/lib/queries/use-inspect-callback-handler';

import {
  FIELD_NAMES,
  handlerVerdict,
  type HandlerVerdict,
  type HandlerVerdictInput,
  type VerdictKind,
} from '@/lib/callback-handler/verdict';

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
  /** The form's own errors by field name (`url`, `publicKey`, `cert`): the panel never disagrees with the form. */
  formErrors?: HandlerVerdictInput['formErrors'];
  /** The verdict the form computed (and shows beside its button); computed here from the rest when absent. */
  verdict?: HandlerVerdict;
}

/** Each verdict in its own colour: success only for "Looks right", the warning colour for warnings. */
const TONES: Record<VerdictKind, { icon: typeof CircleCheck; tone: string }> = {
  unusable: { icon: CircleX, tone: 'text-red-700 dark:text-red-300' },
  incomplete: { icon: CircleDashed, tone: 'text-zinc-700 dark:text-zinc-300' },
  warnings: { icon: AlertTriangle, tone: 'text-amber-800 dark:text-amber-300' },
  fine: { icon: CircleCheck, tone: 'text-emerald-700 dark:text-emerald-300' },
};

/**
 * The server's reading of what was entered: what the key or certificate really is, its fingerprints, and
 * every error and warning. Polite live region, so screen reader users hear the verdict when typing pauses.
 */
export function InspectionPanel({
  inspection,
  checking,
  error,
  onRetry,
  empty,
  missing,
  formErrors,
  verdict: given,
}: InspectionPanelProps) {
  const verdict =
    given ??
    handlerVerdict({ inspectionErrors: inspection?.errors, warnings: inspection?.warnings, formErrors, missing });
  const listed = verdict.problems;
  const shown = TONES[verdict.kind];
  const Icon = shown.icon;
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
        {empty && listed.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">
            Enter a URL and paste a key or certificate to see what it really is.
          </p>
        ) : error && !inspection && listed.length === 0 ? (
          <ErrorState title="Could not inspect" error={error} onRetry={onRetry} />
        ) : !inspection && listed.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">Checking…</p>
        ) : (
          <>
            <p className={`flex items-start gap-1.5 font-medium ${shown.tone}`} data-verdict={verdict.kind}>
              <Icon aria-hidden className="h-4 w-4 shrink-0" />
              <span>{verdict.headline}</span>
            </p>
            {missing && <p className="text-zinc-600 dark:text-zinc-400">{missing}</p>}
            {listed.length > 0 && (
              <ul className="space-y-1 text-red-800 dark:text-red-300">
                {listed.map(({ field, message }) => (
                  <li key={field}>
                    {FIELD_NAMES[field]}: {message}
                  </li>
                ))}
              </ul>
            )}
            {inspection && inspection.warnings.length > 0 && (
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
            {inspection && <InspectionFacts inspection={inspection} />}
          </>
        )}
      </div>
    </section>
  );
}
