'use client';

import type { RefObject } from 'react';
import { CircleCheck, Loader2, OctagonX, RefreshCw, TriangleAlert } from 'lucide-react';

import type { PreflightMode, PreflightResult } from '@/lib/preflight/preflight-schemas';

import { buttonClass } from './button-styles';
import { cn } from './cn';
import { ErrorState } from './error-state';
import { PreflightDetails } from './preflight-details';
import { RelativeTime } from './relative-time';

export interface PreflightVerdictProps {
  /** The check; null when none ran (PREFLIGHT=off, or a change older than the check). */
  result: PreflightResult | null;
  /** PREFLIGHT, to say whether a failing check refuses the approval; unknown while /api/me loads. */
  mode: PreflightMode | undefined;
  /**
   * Where the verdict is read: before approving a change, in the edit form before proposing one, or on a change
   * past approval (the record of what was checked: no advice on a next step).
   */
  stage: 'approval' | 'proposal' | 'record';
  /** Runs the check (again); without it no button is shown (a viewer). */
  onCheck?: () => void;
  checking?: boolean;
  checkError?: unknown;
  /** The button's words: "Check again" on a change, "Check the handler now" in the form. */
  checkLabel?: string;
  /** Said while there is no check yet (and pre-flight is on). */
  notChecked?: string;
  /** The check button, for a dialog to start there (it is then the first thing seen, and the next step). */
  checkRef?: RefObject<HTMLButtonElement | null>;
}

const LOOK = {
  pass: {
    word: 'Passed',
    Icon: CircleCheck,
    box: 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-50',
    icon: 'text-emerald-600 dark:text-emerald-400',
  },
  warn: {
    word: 'Warning',
    Icon: TriangleAlert,
    box: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-50',
    icon: 'text-amber-600 dark:text-amber-400',
  },
  fail: {
    word: 'Failed',
    Icon: OctagonX,
    box: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-50',
    icon: 'text-red-600 dark:text-red-400',
  },
} as const;

/** What the verdict means for the next step, in the words of that step. */
function consequence(result: PreflightResult, mode: PreflightMode | undefined, stage: PreflightVerdictProps['stage']) {
  if (result.verdict === 'pass' || stage === 'record') return null;
  if (result.verdict === 'warn') {
    return stage === 'approval'
      ? 'Approving is allowed: read the warning first.'
      : 'You can submit: the approver sees this warning too.';
  }
  if (mode === 'block') {
    return stage === 'approval'
      ? 'Approving is refused until the server is fixed and a new check passes.'
      : 'You can submit, but no one can approve it until the server is fixed and a new check passes.';
  }
  return 'Pre-flight is set to warn only, so approving is allowed: but the handler will not work as it is.';
}

/**
 * The pre-flight check of a handler's target, verdict first: one sentence that says what the Co-Signer will do,
 * what it means for approving, when it was checked, and a way to check again; every fact of the check folded
 * below. Announced politely when it changes (a check again that now passes).
 */
const NOT_CHECKED = 'Not checked yet: whether the Co-Signer can reach and trust this handler is unknown.';

export function PreflightVerdict({
  result,
  mode,
  stage,
  onCheck,
  checking = false,
  checkError,
  checkLabel = 'Check again',
  notChecked = NOT_CHECKED,
  checkRef,
}: PreflightVerdictProps) {
  const button = onCheck && (
    <button
      ref={checkRef}
      type="button"
      onClick={onCheck}
      disabled={checking}
      className={buttonClass({ size: 'sm', className: 'shrink-0' })}
    >
      {checking ? (
        <Loader2 aria-hidden className="h-4 w-4 animate-spin" />
      ) : (
        <RefreshCw aria-hidden className="h-4 w-4" />
      )}
      {checking ? 'Checking…' : checkLabel}
    </button>
  );
  return (
    <section aria-label="Pre-flight check" className="space-y-2">
      {result ? (
        <div className={cn('rounded-lg border p-3 text-sm', LOOK[result.verdict].box)}>
          <div className="flex items-start gap-3">
            <VerdictIcon verdict={result.verdict} />
            <div aria-live="polite" className="min-w-0 flex-1 space-y-1">
              <p className="text-xs font-semibold tracking-wide uppercase">
                Pre-flight {LOOK[result.verdict].word.toLowerCase()}
                <span className="font-normal tracking-normal normal-case">
                  {' · checked '}
                  <RelativeTime value={result.checkedAt} />
                </span>
              </p>
              <p className="text-base font-medium break-words" data-testid="preflight-summary">
                {result.summary}
              </p>
              {result.findings.slice(1).length > 0 && (
                <ul className="list-disc space-y-0.5 pl-5">
                  {result.findings.slice(1).map((f) => (
                    <li key={f.code}>{f.message}</li>
                  ))}
                </ul>
              )}
              {consequence(result, mode, stage) && <p className="font-medium">{consequence(result, mode, stage)}</p>}
              {/* Under the words, not beside them: in the edit form's narrow column the sentence keeps its width. */}
              {button && <div className="pt-2">{button}</div>}
            </div>
          </div>
          <PreflightDetails result={result} />
        </div>
      ) : (
        <div className="space-y-2 rounded-lg border border-zinc-200 bg-zinc-50 p-3 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
          <p>
            {mode === 'off'
              ? 'Pre-flight checks are off in this deployment: nothing checked whether the Co-Signer can reach and trust this handler.'
              : notChecked}
          </p>
          {mode !== 'off' && button}
        </div>
      )}
      {checkError != null && <ErrorState title="Could not run the check" error={checkError} />}
    </section>
  );
}

function VerdictIcon({ verdict }: { verdict: PreflightResult['verdict'] }) {
  const { Icon, icon } = LOOK[verdict];
  return <Icon aria-hidden className={cn('h-6 w-6 shrink-0', icon)} />;
}
