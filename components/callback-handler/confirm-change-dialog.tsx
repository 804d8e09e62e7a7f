'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Loader2, Send } from 'lucide-react';

import { Fingerprint } from '@/components/ui/fingerprint';
import { buttonClass } from '@/components/ui/button-styles';

import { ChangeCallouts } from './change-callouts';
import { confirmCodeFor, confirmCodeMatches } from './confirm-code';
import { describeChange, type HandlerSide } from './handler-diff';
import { HandlerSideCard } from './handler-side-card';
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
  /** The change waits for another admin's approval (CHANGE_APPROVALS=1) instead of going out at once. */
  approvals?: boolean;
}

/**
 * The last look before a change goes to Fireblocks: before and after side by side, the risky parts called out,
 * and the key id's last six characters typed to confirm. A native modal <dialog>: focus is trapped and Escape
 * closes it (except while sending: the request may already be on its way).
 */
export function ConfirmChangeDialog(props: ConfirmChangeDialogProps) {
  const { apiKeyId, before, after, afterCertFingerprint, reason, onReason, sending, error, onConfirm, onClose } = props;
  const approvals = props.approvals ?? false;
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [typed, setTyped] = useState('');
  const change = describeChange(before, after);
  const code = confirmCodeFor(apiKeyId);
  const ok = confirmCodeMatches(typed, apiKeyId);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      onCancel={(e) => {
        e.preventDefault();
        if (!sending) onClose();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-3xl rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form
        method="dialog"
        className="flex max-h-[90dvh] flex-col"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok && !sending) onConfirm();
        }}
      >
        <div className="space-y-4 overflow-y-auto p-5">
          <div>
            <h2 id={`${id}-title`} className="text-lg font-semibold">
              Confirm callback handler change
            </h2>
            <p id={`${id}-desc`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              For API key <code className="font-mono text-xs">{apiKeyId}</code>.{' '}
              {approvals
                ? 'The change is recorded under your name and waits for another admin to approve it; nothing is sent to Fireblocks until then.'
                : 'The change is recorded under your name; Fireblocks then asks a workspace Owner to approve it; nothing changes until the request completes.'}
            </p>
          </div>
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
                      <Fingerprint
                        value={afterCertFingerprint}
                        copyLabel="Copy the certificate’s SHA-256 fingerprint"
                      />
                    </dd>
                  </div>
                )
              }
            />
          </div>
          <ChangeCallouts change={change} />
          <div className="space-y-1.5">
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
              Reason{' '}
              <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional, kept with the change)</span>
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
              id={`${id}-code`}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={32}
              autoFocus
              disabled={sending}
              className={inputClass(false, 'max-w-48 font-mono')}
            />
          </div>
          {error != null && <SendError error={error} />}
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-zinc-200 p-4 sm:flex-row sm:justify-end dark:border-zinc-700">
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
        </div>
      </form>
    </dialog>
  );
}
