'use client';

import { useId, type RefObject } from 'react';

import { confirmCodeFor, confirmCodeMatches } from './confirm-code';
import { FieldError } from './field-error';
import { inputClass } from './field-styles';

export interface ConfirmCodeFieldProps {
  apiKeyId: string;
  typed: string;
  onTyped: (typed: string) => void;
  /** Enter or submit was tried with a code that does not match: the field says why until it matches. */
  triedWrong: boolean;
  onTriedWrong: () => void;
  /** What typing the code does: "confirm" (the proposer) or "approve" (the approver). */
  verb: string;
  disabled: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * The key id's last six characters, typed to confirm the key: the same field for the proposer's confirmation and the
 * approver's approval. A wrong code with Enter says why instead of doing nothing.
 */
export function ConfirmCodeField(props: ConfirmCodeFieldProps) {
  const { apiKeyId, typed, onTyped, triedWrong, onTriedWrong, verb, disabled, inputRef } = props;
  const id = useId();
  const code = confirmCodeFor(apiKeyId);
  const ok = confirmCodeMatches(typed, apiKeyId);
  const error = triedWrong && !ok ? codeErrorMessage(typed, code, verb) : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={`${id}-code`} className="block text-sm font-medium">
        Type the last six characters of the API key ID (<code className="font-mono">{code}</code>) to {verb}
      </label>
      <input
        ref={inputRef}
        id={`${id}-code`}
        value={typed}
        onChange={(e) => onTyped(e.target.value)}
        onKeyDown={(e) => {
          // The submit button is disabled until the code matches, so the browser would drop this Enter silently.
          if (e.key === 'Enter' && !ok) {
            e.preventDefault();
            onTriedWrong();
            // On a short screen the message renders below the fold of the dialog's scrolled body.
            window.requestAnimationFrame(() =>
              document.getElementById(`${id}-code-err`)?.scrollIntoView({ block: 'nearest' }),
            );
          }
        }}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={32}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-code-err` : undefined}
        className={inputClass(Boolean(error), 'max-w-48 font-mono')}
      />
      <FieldError id={`${id}-code-err`} message={error} />
    </div>
  );
}

function codeErrorMessage(typed: string, code: string, verb: string): string {
  return typed.trim() === ''
    ? `Type ${code}, the last six characters of the API key ID, to ${verb}.`
    : `“${typed.trim()}” does not match: type ${code}, the last six characters of the API key ID.`;
}
