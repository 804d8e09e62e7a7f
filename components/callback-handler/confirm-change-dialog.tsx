'use client';

import { useId, useRef, useState, type RefObject } from 'react';
import { Loader2, Send } from 'lucide-react';

import { Fingerprint } from '@/components/ui/fingerprint';
import { buttonClass } from '@/components/ui/button-styles';
import { ModalDialog } from '@/components/ui/modal-dialog';

import { ChangeCallouts } from '@/components/ui/handler/change-callouts';
import { confirmCodeMatches } from '@/components/ui/confirm-code';
import { ConfirmCodeField } from '@/components/ui/confirm-code-field';
import { describeChange, type HandlerSide } from '@/components/ui/handler/handler-diff';
import { HandlerSideCard } from '@/components/ui/handler/handler-side-card';
import { inputClass } from '@/components/ui/field-styles';
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
  const ok = confirmCodeMatches(typed, apiKeyId);

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
      <ConfirmCodeField
        apiKeyId={apiKeyId}
        typed={typed}
        onTyped={setTyped}
        triedWrong={triedWrong}
        onTriedWrong={() => setTriedWrong(true)}
        verb="confirm"
        disabled={sending}
        inputRef={codeRef}
      />
      {error != null && <SendError error={error} />}
    </ModalDialog>
  );
}
