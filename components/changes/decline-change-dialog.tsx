'use client';

import { useId, useState } from 'react';
import { Loader2 } from 'lucide-react';

import { inputClass } from '@/components/callback-handler/field-styles';
import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
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
  const ref = useModalDialog();
  const id = useId();
  const [reason, setReason] = useState('');
  const decline = useDecideChange(changeId, 'decline');
  const ok = reason.trim().length > 0 && reason.length <= REASON_MAX;

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      onCancel={(e) => {
        e.preventDefault();
        if (!decline.isPending) onClose();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok && !decline.isPending) decline.mutate(reason.trim(), { onSuccess: onClose });
        }}
      >
        <div className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            Decline this change?
          </h2>
          <p id={`${id}-desc`} className="text-sm text-zinc-600 dark:text-zinc-400">
            Nothing is sent to Fireblocks and the key is free for a new change. The proposer sees your reason and can
            open a corrected change from it.
          </p>
          <div className="space-y-1.5">
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
              Why are you declining it?
            </label>
            <textarea
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={REASON_MAX}
              rows={3}
              required
              autoFocus
              disabled={decline.isPending}
              className={inputClass(false)}
            />
          </div>
          {decline.isError && <ErrorState title="Could not decline the change" error={decline.error} />}
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-zinc-200 p-4 sm:flex-row sm:justify-end dark:border-zinc-700">
          <button type="button" onClick={onClose} disabled={decline.isPending} className={buttonClass()}>
            Cancel
          </button>
          <button type="submit" disabled={!ok || decline.isPending} className={buttonClass({ variant: 'danger' })}>
            {decline.isPending && <Loader2 aria-hidden className="h-4 w-4 animate-spin" />}
            Decline change
          </button>
        </div>
      </form>
    </dialog>
  );
}
