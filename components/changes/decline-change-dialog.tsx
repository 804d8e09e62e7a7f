'use client';

import { useId, useRef, useState } from 'react';
import { Loader2 } from 'lucide-react';

import { inputClass } from '@/components/callback-handler/field-styles';
import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { useDecideChange } from '@/lib/queries/use-decide-change';

/** Same limit as the server's reason (REASON_MAX_CHARS), without loading its zod schema here. */
const REASON_MAX = 500;

export interface DeclineChangeDialogProps {
  changeId: string;
  onClose: () => void;
}

/**
 * Another admin declines a change awaiting approval. The reason is required: the proposer reads it on the change
 * (and resubmits from there), and the audit trail keeps it.
 */
export function DeclineChangeDialog({ changeId, onClose }: DeclineChangeDialogProps) {
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const decline = useDecideChange(changeId, 'decline');
  const ok = reason.trim().length > 0 && reason.length <= REASON_MAX;

  return (
    <ModalDialog
      title="Decline this change?"
      description={
        <>
          Nothing is sent to Fireblocks and the key is free for a new change. The proposer sees your reason and can open
          a corrected change from it.
        </>
      }
      busy={decline.isPending}
      onClose={onClose}
      initialFocus={reasonRef}
      onSubmit={() => {
        if (ok && !decline.isPending) decline.mutate(reason.trim(), { onSuccess: onClose });
      }}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={decline.isPending} className={buttonClass()}>
            Cancel
          </button>
          <button type="submit" disabled={!ok || decline.isPending} className={buttonClass({ variant: 'danger' })}>
            {decline.isPending && <Loader2 aria-hidden className="h-4 w-4 animate-spin" />}
            Decline change
          </button>
        </>
      }
    >
      <div className="space-y-1.5">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
          Why are you declining it?
        </label>
        <textarea
          ref={reasonRef}
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={REASON_MAX}
          rows={3}
          required
          disabled={decline.isPending}
          className={inputClass(false)}
        />
      </div>
      {decline.isError && <ErrorState title="Could not decline the change" error={decline.error} />}
    </ModalDialog>
  );
}
