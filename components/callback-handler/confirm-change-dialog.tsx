'use client';

import { useId, useRef, useState, type RefObject } from 'react';
import { Loader2, Send } from 'lucide-react';

import { Fingerprint } from '@/components/ui/fingerprint';
import { buttonClass } from '@/components/ui/button-styles';
import { ModalDialog } from '@/components/ui/modal-dialog';

import { ChangeCallouts } from './change-callouts';
import { confirmCodeFor, confirmCodeMatches } from './confirm-code';
import { describeChange, type HandlerSide } from './handler-diff';
import { HandlerSideCard } from './handler-side-card';
import { FieldError } from './field-error';
import { inputClass } from './field-styles';
import { SendError } from './send-error';

/** Same limit as the server's reason (REASON_MAX_CHARS), without loading its schema file here. */
const REASON_MAX = 500;

export interface ConfirmChangeDialogProps {
  apiKeyId: string;
  before: HandlerSide | null;
  after: HandlerSide;
  /** SHA-256 of the new certificate itself, shown beside its key hash. */
  afterCertFingerprint?: string;
  /** Optional: why, for the change record (not sent to Fireblocks). */
  reason: string;
  onReason: (reason: string) => void;
  sending: boolean;
  /** A send failure that is not about a field (those go back to the form). */
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  /** The "Review change" button: focus goes back to it on Escape or Cancel. */
  returnFocus?: RefObject<HTMLElement | null>;
  /** The change waits for another admin's approval (CHANGE_APPROVALS=1) instead of going out at once. */
  approvals?: boolean;
}

/**
 * The last look before a change goes to Fireblocks: before and after side by side, the risky parts called out,
 * and the key id's last six characters typed to confirm (focus starts there). Escape closes it, except while
 * sending: the request may already be on its way.
 */
export function ConfirmChangeDialog(props: ConfirmChangeDialogProps) {
  const { apiKeyId, before, after, afterCertFingerprint, reason, onReason, sending, error, onConfirm, onClose } = props;
  const approvals = props.approvals ?? false;
  const id = useId();
  const codeRef = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  // Set by Enter (or submit) with a code that does not match; the message stays until the code matches.
  const [triedWrong, setTriedWrong] = useState(false);
  const change = describeChange(before, after);
  const code = confirmCodeFor(apiKeyId);
  const ok = confirmCodeMatches(typed, apiKeyId);
  const codeError = triedWrong && !ok ? codeErrorMessage(typed, code) : undefined;

  return (
    <ModalDialog
      size="lg"
      title="Confirm callback handler change"
      description={
        <>
          For API key <code className="font-mono text-xs break-all">{apiKeyId}</code>.{' '}
          {approvals
            ? 'The change is recorded under your name and waits for another admin to approve it; nothing is sent to Fireblocks until then.'
            : 'The change is recorded under your name; Fireblocks then asks a workspace Owner to approve it; nothing changes until the request completes.'}
        </>
      }
      busy={sending}
      onClose={onClose}
      initialFocus={codeRef}
      returnFocus={props.returnFocus}
      onSubmit={() => {
        if (!ok) setTriedWrong(true);
        else if (!sending) onConfirm();
      }}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={sending} className={buttonClass()}>
            Cancel
          </button>
          <button type="submit" disabled={!ok || sending} className={buttonClass({ variant: 'primary' })}>
            {sending ? (
              <Loader2 aria-hidden className="h-4 w-4 animate-spin" />
            ) : (
              <Send aria-hidden className="h-4 w-4" />
            )}
            {sending
              ? approvals
                ? 'Submitting…'
                : 'Sending…'
              : approvals
                ? 'Submit for approval'
                : 'Send to Fireblocks'}
          </button>
        </>
      }
    >
      <div className="grid gap-3 md:grid-cols-2">
        <HandlerSideCard
          title="Before"
          side={before}
          highlightHost={change.hostChanged}
          highlightMode={change.modeSwitch !== null}
        />
        <HandlerSideCard
          title="After"
          side={after}
          highlightHost={change.hostChanged}
          highlightMode={change.modeSwitch !== null}
          extra={
            afterCertFingerprint && (
              <div>
                <dt className="text-xs text-zinc-600 dark:text-zinc-400">Certificate fingerprint (SHA-256)</dt>
                <dd>
                  <Fingerprint value={afterCertFingerprint} copyLabel="Copy the certificate’s SHA-256 fingerprint" />
                </dd>
              </div>
            )
          }
        />
      </div>
      <ChangeCallouts change={change} />
      <div className="space-y-1.5">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
          Reason <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional, kept with the change)</span>
        </label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => onReason(e.target.value)}
          maxLength={REASON_MAX}
          rows={2}
          disabled={sending}
          className={inputClass(false)}
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor={`${id}-code`} className="block text-sm font-medium">
          Type the last six characters of the API key ID (<code className="font-mono">{code}</code>) to confirm
        </label>
        <input
          ref={codeRef}
          id={`${id}-code`}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            // The send button is disabled until the code matches, so the browser would drop this Enter silently.
            if (e.key === 'Enter' && !ok) {
              e.preventDefault();
              setTriedWrong(true);
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
          disabled={sending}
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? `${id}-code-err` : undefined}
          className={inputClass(Boolean(codeError), 'max-w-48 font-mono')}
        />
        <FieldError id={`${id}-code-err`} message={codeError} />
      </div>
      {error != null && <SendError error={error} />}
    </ModalDialog>
  );
}

function codeErrorMessage(typed: string, code: string): string {
  return typed.trim() === ''
    ? `Type ${code}, the last six characters of the API key ID, to confirm.`
    : `“${typed.trim()}” does not match: type ${code}, the last six characters of the API key ID.`;
}
