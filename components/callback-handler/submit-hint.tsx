import type { HandlerVerdict } from '@/lib/callback-handler/verdict';

export interface SubmitHintProps {
  dirty: boolean;
  /** The form's one verdict, the same the inspection panel shows. */
  verdict: HandlerVerdict;
  /** What is still missing, in words. */
  missing?: string;
  checking: boolean;
  inspectFailed: boolean;
}

/** Says why "Review change" is disabled, in the verdict's words, so a greyed-out button is never a riddle. */
export function SubmitHint({ dirty, verdict, missing, checking, inspectFailed }: SubmitHintProps) {
  const text = !dirty
    ? 'Change the URL, key or certificate to continue.'
    : verdict.kind === 'unusable'
      ? `${verdict.headline}.`
      : missing
        ? missing
        : checking
          ? 'Checking what you entered…'
          : inspectFailed
            ? 'The inspection failed; retry it to continue.'
            : null;
  if (!text) return null;
  return (
    <p data-testid="submit-verdict" className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
      {text}
    </p>
  );
}
