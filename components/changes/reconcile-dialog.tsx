'use client';

import { useId, useState } from 'react';
import { Loader2 } from 'lucide-react';

import { inputClass } from '@/components/callback-handler/field-styles';
import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { useReconcileChange } from '@/lib/queries/use-reconcile-change';

/** Same limit as the server's reason (REASON_MAX_CHARS), without loading its zod schema here. */
const REASON_MAX = 500;

export interface ReconcileDialogProps {
  changeId: string;
  onClose: () => void;
}

/**
 * An admin who has checked in Fireblocks that the request did not go through marks the change as not applied, which
 * frees the key. The reason is required: it is what the audit trail keeps of that check.
 */
export function ReconcileDialog({ changeId, onClose }: ReconcileDialogProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const reconcile = useReconcileChange(changeId);
  const ok = reason.trim().length > 0 && reason.length <= REASON_MAX;

  return (
    <ModalDialog
      title="Mark the change as not applied?"
      description={
        <>
          Only if you have checked in Fireblocks that this request was not accepted and the key still has its old
          handler. The change closes and the key can be changed again. This is recorded in the audit trail with your
          name and reason.
        </>
      }
      busy={reconcile.isPending}
      onClose={onClose}
      onSubmit={() => {
        if (ok && !reconcile.isPending) reconcile.mutate(reason.trim(), { onSuccess: onClose });
      }}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={reconcile.isPending} className={buttonClass()}>
            Cancel
          </button>
          <button type="submit" disabled={!ok || reconcile.isPending} className={buttonClass({ variant: 'danger' })}>
            {reconcile.isPending && <Loader2 aria-hidden className="h-4 w-4 animate-spin" />}
            Mark as not applied
          </button>
        </>
      }
    >
      <div className="space-y-1.5">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
          What did you check?
        </label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={REASON_MAX}
          rows={3}
          required
          disabled={reconcile.isPending}
          className={inputClass(false)}
        />
      </div>
      {reconcile.isError && <ErrorState title="Could not mark the change" error={reconcile.error} />}
    </ModalDialog>
  );
}
