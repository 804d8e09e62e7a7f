'use client';

import { useDecideChange } from '@/lib/queries/use-decide-change';

import { ReasonDialog } from './reason-dialog';

export interface DeclineChangeDialogProps {
  changeId: string;
  onClose: () => void;
}

/**
 * Another admin declines a change awaiting approval. The reason is required: the proposer reads it on the change
 * (and resubmits from there), and the audit trail keeps it.
 */
export function DeclineChangeDialog({ changeId, onClose }: DeclineChangeDialogProps) {
  return (
    <ReasonDialog
      title="Decline this change?"
      description={
        <>
          Nothing is sent to Fireblocks and the key is free for a new change. The proposer sees your reason and can open
          a corrected change from it.
        </>
      }
      label="Why are you declining it?"
      confirmLabel="Decline change"
      errorTitle="Could not decline the change"
      mutation={useDecideChange(changeId, 'decline')}
      onClose={onClose}
    />
  );
}
