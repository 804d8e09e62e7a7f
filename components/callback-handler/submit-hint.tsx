export interface SubmitHintProps {
  dirty: boolean;
  valid: boolean;
  checking: boolean;
  inspectFailed: boolean;
}

/** Says why "Review change" is disabled, so a greyed-out button is never a riddle. */
export function SubmitHint({ dirty, valid, checking, inspectFailed }: SubmitHintProps) {
  const text = !dirty
    ? 'Change the URL, key or certificate to continue.'
    : !valid
      ? 'Fix the errors above to continue.'
      : checking
        ? 'Checking what you entered…'
        : inspectFailed
          ? 'The inspection failed; retry it to continue.'
          : null;
  if (!text) return null;
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
      {text}
    </p>
  );
}
