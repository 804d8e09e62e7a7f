'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { Loader2 } from 'lucide-react';

import { inputClass } from '@/components/ui/field-styles';
import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
import { ModalDialog } from '@/components/ui/modal-dialog';

/** Same limit as the server's reason (REASON_MAX_CHARS), without loading its zod schema here. */
const REASON_MAX = 500;

/** The mutation a reason dialog runs: React Query's, taking the trimmed reason. */
interface ReasonMutation {
  mutate: (reason: string, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

export interface ReasonDialogProps {
  title: string;
  description: ReactNode;
  /** The question the reason answers, e.g. "Why are you declining it?". */
  label: string;
  /** The submit button, a danger action: e.g. "Decline change". */
  confirmLabel: string;
  /** The error card's title when the server refuses. */
  errorTitle: string;
  mutation: ReasonMutation;
  onClose: () => void;
}

/**
 * A decision on a change that must say why (declining it, marking it not applied): the reason is required, because
 * the audit trail keeps it and the proposer reads it. The dialog closes once the server has accepted it.
 */
export function ReasonDialog({
  title,
  description,
  label,
  confirmLabel,
  errorTitle,
  mutation,
  onClose,
}: ReasonDialogProps) {
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const ok = reason.trim().length > 0 && reason.length <= REASON_MAX;
  const busy = mutation.isPending;

  return (
    <ModalDialog
      title={title}
      description={description}
      busy={busy}
      onClose={onClose}
      initialFocus={reasonRef}
      onSubmit={() => {
        if (ok && !busy) mutation.mutate(reason.trim(), { onSuccess: onClose });
      }}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={busy} className={buttonClass()}>
            Cancel
          </button>
          <button type="submit" disabled={!ok || busy} className={buttonClass({ variant: 'danger' })}>
            {busy && <Loader2 aria-hidden className="h-4 w-4 animate-spin" />}
            {confirmLabel}
          </button>
        </>
      }
    >
      <div className="space-y-1.5">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
          {label}
        </label>
        <textarea
          ref={reasonRef}
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={REASON_MAX}
          rows={3}
          required
          disabled={busy}
          className={inputClass(false)}
        />
      </div>
      {mutation.isError && <ErrorState title={errorTitle} error={mutation.error} />}
    </ModalDialog>
  );
}
