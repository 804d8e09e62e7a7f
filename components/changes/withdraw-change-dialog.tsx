'use client';

import { Loader2 } from 'lucide-react';

import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { useDecideChange } from '@/lib/queries/use-decide-change';

export interface WithdrawChangeDialogProps {
  changeId: string;
  onClose: () => void;
}

/** The proposer takes back a change nobody has approved yet: nothing is sent, and the key is free again. */
export function WithdrawChangeDialog({ changeId, onClose }: WithdrawChangeDialogProps) {
  const withdraw = useDecideChange(changeId, 'withdraw');
  return (
    <ModalDialog
      title="Withdraw this change?"
      description={
        <>
          Nothing is sent to Fireblocks and the key is free for a new change. The change stays in the list as withdrawn,
          with your name.
        </>
      }
      busy={withdraw.isPending}
      onClose={onClose}
      onSubmit={() => {
        if (!withdraw.isPending) withdraw.mutate(undefined, { onSuccess: onClose });
      }}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={withdraw.isPending} className={buttonClass()}>
            Keep it
          </button>
          <button type="submit" disabled={withdraw.isPending} className={buttonClass({ variant: 'danger' })}>
            {withdraw.isPending && <Loader2 aria-hidden className="h-4 w-4 animate-spin" />}
            Withdraw change
          </button>
        </>
      }
    >
      {withdraw.isError && <ErrorState title="Could not withdraw the change" error={withdraw.error} />}
    </ModalDialog>
  );
}
