'use client';

import { Check, Undo2, X } from 'lucide-react';

import { inspectBodyOf } from '@/components/ui/handler/inspect-body';
import { InspectionPanel } from '@/components/ui/handler/inspection-panel';
import { buttonClass } from '@/components/ui/button-styles';
import { RelativeTime } from '@/components/ui/relative-time';
import type { ChangeResponse } from '@/lib/queries/types';
import { useInspectCallbackHandler } from '@/lib/queries/use-inspect-callback-handler';

import { ActorName } from '@/components/ui/change/actor-name';
import { isProposer, type ApprovalAction, type ChangeViewer } from '@/lib/change-model/change-viewer';
import { ChangeReason } from './change-reason';

export interface ApprovalReviewProps {
  change: ChangeResponse;
  viewer: ChangeViewer;
  onAction: (action: ApprovalAction) => void;
}

/**
 * A change awaiting approval, reviewed the way its proposer saw it: who asked, why and how long ago, until when it
 * can be approved, and the server's inspection of the key or certificate it sends (before and after with the host
 * and mode callouts follow on the page). Another admin approves or declines; the proposer can only withdraw.
 */
export function ApprovalReview({ change, viewer, onAction }: ApprovalReviewProps) {
  const own = isProposer(viewer, change);
  const after = change.after;
  const inspect = useInspectCallbackHandler(
    inspectBodyOf(after.url, after.mode, (after.mode === 'cert' ? after.cert : after.publicKey) ?? ''),
  );
  return (
    <section
      aria-labelledby="approval-review-heading"
      className="space-y-4 rounded-lg border border-sky-300 bg-white p-5 shadow-sm dark:border-sky-800 dark:bg-zinc-900"
    >
      <div className="space-y-1">
        <h2 id="approval-review-heading" className="text-base font-semibold text-zinc-950 dark:text-white">
          {own || viewer.role !== 'admin' ? 'Awaiting approval' : 'Review and approve'}
        </h2>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {own
            ? 'Another admin must approve your change before anything is sent to Fireblocks. Until then you can withdraw it.'
            : viewer.role === 'admin'
              ? 'Check it as carefully as its proposer did: approving signs it and sends it to Fireblocks under your name.'
              : 'An admin other than its proposer must approve it before anything is sent to Fireblocks.'}
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <dl className="grid content-start gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-zinc-600 dark:text-zinc-400">Proposed by</dt>
          <dd>
            <ActorName actor={change.proposer} />{' '}
            <span className="text-zinc-600 dark:text-zinc-400">({change.proposer.email})</span>
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Proposed</dt>
          <dd>
            <RelativeTime value={change.createdAt} />
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Expires</dt>
          <dd>
            {change.expiresAt ? (
              <RelativeTime value={change.expiresAt} />
            ) : (
              <span className="text-zinc-600 dark:text-zinc-400">Does not expire</span>
            )}
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Reason</dt>
          <dd className="break-words">
            <ChangeReason reason={change.reason} />
          </dd>
        </dl>
        <InspectionPanel
          inspection={inspect.data}
          checking={inspect.isFetching}
          error={inspect.error}
          onRetry={() => void inspect.refetch()}
          empty={false}
        />
      </div>
      {viewer.role === 'admin' && (
        <div className="flex flex-col gap-2 border-t border-zinc-200 pt-4 sm:flex-row sm:justify-end dark:border-zinc-800">
          {own ? (
            <button type="button" onClick={() => onAction('withdraw')} className={buttonClass()}>
              <Undo2 aria-hidden className="h-4 w-4" />
              Withdraw…
            </button>
          ) : (
            <>
              <button type="button" onClick={() => onAction('decline')} className={buttonClass()}>
                <X aria-hidden className="h-4 w-4" />
                Decline…
              </button>
              <button type="button" onClick={() => onAction('approve')} className={buttonClass({ variant: 'primary' })}>
                <Check aria-hidden className="h-4 w-4" />
                Approve…
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
