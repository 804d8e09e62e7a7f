'use client';

import { useId, useState } from 'react';
import { Loader2, LogIn, Send } from 'lucide-react';

import { confirmCodeFor, confirmCodeMatches } from '@/components/callback-handler/confirm-code';
import { inputClass } from '@/components/callback-handler/field-styles';
import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import { ApiError } from '@/lib/api-client/api-error';
import type { ChangeResponse } from '@/lib/queries/types';
import { useDecideChange } from '@/lib/queries/use-decide-change';
import { needsStepUp, useMe } from '@/lib/queries/use-me';

import { ActorName } from './actor-name';
import { clearApprovalDraft, readApprovalDraft, saveApprovalDraft, tabStorage } from './approval-draft';
import { ChangeComparison } from './change-sides';

export interface ApproveChangeDialogProps {
  change: ChangeResponse;
  onClose: () => void;
}

const ERROR_TITLES: Partial<Record<string, string>> = {
  change_stale: 'The live handler moved: nothing was sent',
  change_not_awaiting: 'This change no longer awaits approval',
  own_change: 'You proposed this change',
};

/**
 * The approver's last look, as careful as the proposer's: before and after, the risky parts called out, who asked
 * and why, and the key id's last six characters typed to approve. Approving needs a recent sign-in: when the server
 * answers `step_up_required`, what was typed is kept in the tab (sessionStorage, by change id) and the browser goes
 * through the IdP and back to this change with the dialog open again.
 */
export function ApproveChangeDialog({ change, onClose }: ApproveChangeDialogProps) {
  const ref = useModalDialog();
  const id = useId();
  const [typed, setTyped] = useState(() => readApprovalDraft(tabStorage(), change.id)?.typed ?? '');
  const [leaving, setLeaving] = useState(false);
  const approve = useDecideChange(change.id, 'approve');
  const me = useMe();
  const code = confirmCodeFor(change.apiKeyId);
  const ok = confirmCodeMatches(typed, change.apiKeyId);
  const busy = approve.isPending || leaving;
  // Judged at the moment /api/me answered: the dialog has just opened.
  const stepUpFirst = me.data !== undefined && needsStepUp(me.data, me.dataUpdatedAt);

  function close() {
    clearApprovalDraft(tabStorage(), change.id);
    onClose();
  }

  function submit() {
    approve.mutate(undefined, {
      onSuccess: () => close(),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'step_up_required' && error.stepUpUrl) {
          // Kept for the way back; the page reopens this dialog from `?approve=1` in the return address.
          saveApprovalDraft(tabStorage(), change.id, { typed });
          setLeaving(true);
          window.location.assign(error.stepUpUrl);
        }
      },
    });
  }

  const error = approve.error instanceof ApiError && approve.error.code === 'step_up_required' ? null : approve.error;

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) close();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-3xl rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form
        method="dialog"
        className="flex max-h-[90dvh] flex-col"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok && !busy) submit();
        }}
      >
        <div className="space-y-4 overflow-y-auto p-5">
          <div>
            <h2 id={`${id}-title`} className="text-lg font-semibold">
              Approve callback handler change
            </h2>
            <p id={`${id}-desc`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              For API key <code className="font-mono text-xs">{change.apiKeyId}</code>. Approving signs the change and
              sends it to Fireblocks under your name; a workspace Owner then approves it in Fireblocks.
            </p>
          </div>
          {stepUpFirst && (
            <p
              role="note"
              className="flex gap-2 rounded-md border border-sky-300 bg-sky-50 p-2.5 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100"
            >
              <LogIn aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
              <span>
                Your sign-in is more than {Math.round((me.data?.stepUpMaxAgeSeconds ?? 0) / 60)} minutes old: approving
                asks you to sign in again first. What you type here is kept and this dialog opens again afterwards.
              </span>
            </p>
          )}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-zinc-600 dark:text-zinc-400">Proposed by</dt>
            <dd>
              <ActorName actor={change.proposer} />, <RelativeTime value={change.createdAt} />
            </dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Reason</dt>
            <dd className="break-words">
              {change.reason || <span className="text-zinc-500 dark:text-zinc-400">No reason given</span>}
            </dd>
          </dl>
          <ChangeComparison before={change.before} after={change.after} />
          <div className="space-y-1.5">
            <label htmlFor={`${id}-code`} className="block text-sm font-medium">
              Type the last six characters of the API key ID (<code className="font-mono">{code}</code>) to approve
            </label>
            <input
              id={`${id}-code`}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={32}
              autoFocus
              disabled={busy}
              className={inputClass(false, 'max-w-48 font-mono')}
            />
          </div>
          {error != null && (
            <ErrorState
              title={(error instanceof ApiError && ERROR_TITLES[error.code]) || 'Could not approve the change'}
              error={error}
            />
          )}
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-zinc-200 p-4 sm:flex-row sm:justify-end dark:border-zinc-700">
          <button type="button" onClick={close} disabled={busy} className={buttonClass()}>
            Cancel
          </button>
          <button type="submit" disabled={!ok || busy} className={buttonClass({ variant: 'primary' })}>
            {busy ? <Loader2 aria-hidden className="h-4 w-4 animate-spin" /> : <Send aria-hidden className="h-4 w-4" />}
            {leaving ? 'Signing in again…' : approve.isPending ? 'Approving…' : 'Approve and send'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
