'use client';

import { useId } from 'react';
import { Loader2 } from 'lucide-react';

import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import { useDecideChange } from '@/lib/queries/use-decide-change';

export interface WithdrawChangeDialogProps {
  changeId: string;
  onClose: () => void;
}

/** The proposer takes back a change nobody has approved yet: nothing is sent, and the key is free again. */
export function WithdrawChangeDialog({ changeId, onClose }: WithdrawChangeDialogProps) {
  const ref = useModalDialog();
  const id = useId();
  const withdraw = useDecideChange(changeId, 'withdraw');

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      onCancel={(e) => {
        e.preventDefault();
        if (!withdraw.isPending) onClose();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!withdraw.isPending) withdraw.mutate(undefined, { onSuccess: onClose });
        }}
      >
        <div className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            Withdraw this change?
          </h2>
          <p id={`${id}-desc`} className="text-sm text-zinc-600 dark:text-zinc-400">
            Nothing is sent to Fireblocks and the key is free for a new change. The change stays in the list as
            withdrawn, with your name.
          </p>
          {withdraw.isError && <ErrorState title="Could not withdraw the change" error={withdraw.error} />}
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-zinc-200 p-4 sm:flex-row sm:justify-end dark:border-zinc-700">
          <button type="button" onClick={onClose} disabled={withdraw.isPending} className={buttonClass()}>
            Keep it
          </button>
          <button type="submit" disabled={withdraw.isPending} className={buttonClass({ variant: 'danger' })}>
            {withdraw.isPending && <Loader2 aria-hidden className="h-4 w-4 animate-spin" />}
            Withdraw change
          </button>
        </div>
      </form>
    </dialog>
  );
}
