'use client';

import { useReconcileChange } from '@/lib/queries/use-reconcile-change';

import { ReasonDialog } from './reason-dialog';

export interface ReconcileDialogProps {
  changeId: string;
  onClose: () => void;
}

/**
 * An admin who has checked in Fireblocks that the request did not go through marks the change as not applied, which
 * frees the key. The reason is required: it is what the audit trail keeps of that check.
 */
export function ReconcileDialog({ changeId, onClose }: ReconcileDialogProps) {
  return (
    <ReasonDialog
      title="Mark the change as not applied?"
      description={
        <>
          Only if you have checked in Fireblocks that this request was not accepted and the key still has its old
          handler. The change closes and the key can be changed again. This is recorded in the audit trail with your
          name and reason.
        </>
      }
      label="What did you check?"
      confirmLabel="Mark as not applied"
      errorTitle="Could not mark the change"
      mutation={useReconcileChange(changeId)}
      onClose={onClose}
    />
  );
}
