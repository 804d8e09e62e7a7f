'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Loader2 } from 'lucide-react';

import { inputClass } from '@/components/callback-handler/field-styles';
import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
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
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState('');
  const reconcile = useReconcileChange(changeId);
  const ok = reason.trim().length > 0 && reason.length <= REASON_MAX;

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
        if (!reconcile.isPending) onClose();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok && !reconcile.isPending) reconcile.mutate(reason.trim(), { onSuccess: onClose });
        }}
      >
        <div className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            Mark the change as not applied?
          </h2>
          <p id={`${id}-desc`} className="text-sm text-zinc-600 dark:text-zinc-400">
            Only if you have checked in Fireblocks that this request was not accepted and the key still has its old
            handler. The change closes and the key can be changed again. This is recorded in the audit trail with your
            name and reason.
          </p>
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
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-zinc-200 p-4 sm:flex-row sm:justify-end dark:border-zinc-700">
          <button type="button" onClick={onClose} disabled={reconcile.isPending} className={buttonClass()}>
            Cancel
          </button>
          <button type="submit" disabled={!ok || reconcile.isPending} className={buttonClass({ variant: 'danger' })}>
            {reconcile.isPending && <Loader2 aria-hidden className="h-4 w-4 animate-spin" />}
            Mark as not applied
          </button>
        </div>
      </form>
    </dialog>
  );
}
