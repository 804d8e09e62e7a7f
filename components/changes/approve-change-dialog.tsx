'use client';

import { useRef, useState } from 'react';
import { Loader2, LogIn, Send } from 'lucide-react';

import { confirmCodeMatches } from '@/components/ui/confirm-code';
import { ConfirmCodeField } from '@/components/ui/confirm-code-field';
import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { ApiError } from '@/lib/queries/api-error';
import type { ChangeResponse } from '@/lib/queries/types';
import { useDecideChange } from '@/lib/queries/use-decide-change';
import { useStepUpSecondsLeft } from '@/lib/queries/use-me';

import { ActorName } from '@/components/ui/change/actor-name';
import { clearApprovalDraft, readApprovalDraft, saveApprovalDraft, tabStorage } from './approval-draft';
import { ChangePreflight } from './change-preflight';
import { ChangeComparison } from './change-sides';
import { ChangeReason } from './change-reason';
import { UnknownOutcome } from './unknown-outcome';

export interface ApproveChangeDialogProps {
  change: ChangeResponse;
  onClose: () => void;
}

/** What the approve route answers when the PATCH it sent got no answer, a 5xx, or a refusal it maps to 502. */
const OUTCOME_UNKNOWN_CODES: ReadonlySet<string> = new Set(['upstream_error', 'upstream_timeout']);
/** Below this many seconds of sign-in left, the dialog says a fresh sign-in is near: typing the code takes some. */
const STEP_UP_WARN_SECONDS = 60;

const ERROR_TITLES: Partial<Record<string, string>> = {
  change_stale: 'The live handler moved: nothing was sent',
  change_not_awaiting: 'This change no longer awaits approval',
  own_change: 'You proposed this change',
  preflight_failed: 'Not approved: the pre-flight check failed',
};

/**
 * The approver's last look, as careful as the proposer's: before and after, the risky parts called out, who asked
 * and why, and the key id's last six characters typed to approve. Approving needs a recent sign-in, and the dialog
 * says so from the first try: when the sign-in is too old already, or will be within a minute (counted down live).
 * When the server answers `step_up_required`, what was typed is kept in the tab (sessionStorage, by change id) and the browser goes
 * through the IdP and back to this change with the dialog open again.
 */
export function ApproveChangeDialog({ change, onClose }: ApproveChangeDialogProps) {
  const codeRef = useRef<HTMLInputElement>(null);
  const checkRef = useRef<HTMLButtonElement>(null);
  // A check that did not pass is the first thing to read and its "Check again" the next step: start there, at the
  // top of the dialog, rather than in the code field at its foot (which would scroll the verdict out of sight).
  const [startAtCheck] = useState(() => change.preflight !== null && change.preflight.verdict !== 'pass');
  const [triedWrong, setTriedWrong] = useState(false);
  const [typed, setTyped] = useState(() => readApprovalDraft(tabStorage(), change.id)?.typed ?? '');
  const [leaving, setLeaving] = useState(false);
  const approve = useDecideChange(change.id, 'approve');
  const { me, secondsLeft } = useStepUpSecondsLeft();
  // With PREFLIGHT=block the server refuses a failing check; the button says so before anyone types the code.
  const blocked = me?.preflightMode === 'block' && change.preflight?.verdict === 'fail';
  const ok = confirmCodeMatches(typed, change.apiKeyId) && !blocked;
  const busy = approve.isPending || leaving;

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
  // The approval went through and the change moved on (sent with no answer, refused by Fireblocks, or decided by
  // someone else): approving again could only be refused, or worse, resend. The dialog says what happened and closes.
  const moved = error instanceof ApiError && error.changeId !== undefined;
  // A 502/504 after sending may be no answer (outcome unknown) or a refusal (failed): the change, read again at once
  // (the mutation invalidates it), decides which, so the dialog says exactly what the change page says.
  const unknownOutcome = moved && change.state === 'unknown';
  const readingOutcome =
    moved &&
    OUTCOME_UNKNOWN_CODES.has(error.code) &&
    (change.state === 'awaiting_approval' || change.state === 'sending');

  return (
    <ModalDialog
      size="lg"
      title="Approve callback handler change"
      description={
        <>
          For API key <code className="font-mono text-xs break-all">{change.apiKeyId}</code>. Approving signs the change
          and sends it to Fireblocks under your name; a workspace Owner then approves it in Fireblocks.
        </>
      }
      busy={busy}
      onClose={close}
      initialFocus={startAtCheck ? checkRef : codeRef}
      onSubmit={() => {
        if (moved) close();
        else if (blocked) return;
        else if (!ok) setTriedWrong(true);
        else if (!busy) submit();
      }}
      actions={
        <>
          <button type="button" onClick={close} disabled={busy} className={buttonClass()}>
            {moved ? 'Close' : 'Cancel'}
          </button>
          {!moved && (
            <button type="submit" disabled={!ok || busy} className={buttonClass({ variant: 'primary' })}>
              {busy ? (
                <Loader2 aria-hidden className="h-4 w-4 animate-spin" />
              ) : (
                <Send aria-hidden className="h-4 w-4" />
              )}
              {leaving ? 'Signing in again…' : approve.isPending ? 'Approving…' : 'Approve and send'}
            </button>
          )}
        </>
      }
    >
      <ChangePreflight change={change} canCheck checkRef={checkRef} />
      {me && secondsLeft !== undefined && secondsLeft <= STEP_UP_WARN_SECONDS && (
        <p
          role="note"
          className="flex gap-2 rounded-md border border-sky-300 bg-sky-50 p-2.5 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100"
        >
          <LogIn aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
          <span>
            {secondsLeft === 0
              ? `Your sign-in is more than ${Math.round(me.stepUpMaxAgeSeconds / 60)} minutes old: approving asks you to sign in again first, as ${me.name}.`
              : `Your sign-in is recent enough to approve for ${secondsLeft} more ${secondsLeft === 1 ? 'second' : 'seconds'}; after that, approving asks you to sign in again as ${me.name}.`}{' '}
            What you type here is kept and this dialog opens again afterwards.
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
          <ChangeReason reason={change.reason} />
        </dd>
      </dl>
      <ChangeComparison before={change.before} after={change.after} />
      <ConfirmCodeField
        apiKeyId={change.apiKeyId}
        typed={typed}
        onTyped={setTyped}
        triedWrong={triedWrong}
        onTriedWrong={() => setTriedWrong(true)}
        verb="approve"
        disabled={busy || moved}
        inputRef={codeRef}
      />
      {unknownOutcome ? (
        <UnknownOutcome apiKeyId={change.apiKeyId} idsBelow={false} />
      ) : readingOutcome ? (
        <p role="status" className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <Loader2 aria-hidden className="h-4 w-4 animate-spin" />
          Sent to Fireblocks; reading what became of the change…
        </p>
      ) : (
        error != null && (
          <ErrorState
            title={
              moved && change.state === 'failed'
                ? 'Fireblocks did not accept the change'
                : (error instanceof ApiError && ERROR_TITLES[error.code]) || 'Could not approve the change'
            }
            error={error}
          />
        )
      )}
    </ModalDialog>
  );
}
