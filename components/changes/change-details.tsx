'use client';

import { useState, useSyncExternalStore } from 'react';
import Link from 'next/link';
import { RotateCcw } from 'lucide-react';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { REQUEST_NOT_FOUND } from '@/lib/changes/change-api-schemas';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { ChangeWithTimeline } from '@/lib/queries/types';
import { useChange } from '@/lib/queries/use-change';

import { keyPagePath, resubmitPath } from '@/lib/page-paths';
import {
  APPROVAL_ACTIONS,
  canResubmit,
  type ApprovalAction,
  type ChangeViewer,
} from '@/lib/change-model/change-viewer';
import { ApproveChangeDialog } from './approve-change-dialog';
import { ApprovalReview } from './approval-review';
import { BackToKeyList } from './back-to-key-list';
import { ChangeFacts } from './change-facts';
import { ChangePreflight } from './change-preflight';
import { ChangeProgress } from './change-progress';
import { ChangeSides } from './change-sides';
import { ChangeStateBadge } from './change-state-badge';
import { ChangeTimeline } from './change-timeline';
import { DeclineChangeDialog } from './decline-change-dialog';
import { ReconcileDialog } from './reconcile-dialog';
import { UnknownOutcome } from './unknown-outcome';
import { WithdrawChangeDialog } from './withdraw-change-dialog';

export interface ChangeDetailsProps {
  changeId: string;
  /** Who is looking: admins may approve others' changes, withdraw their own, mark an `unknown` one as not applied. */
  viewer: ChangeViewer;
  /**
   * The dialog the address asks for (`?approve=1` ...): from the list's actions, and back from a step-up sign-in.
   * The page passes it only when the viewer may do that to the change as read. Once open, a dialog stays until it is
   * closed, whatever the change does meanwhile: it shows the answer (stale, decided by a colleague, ...).
   */
  asked?: ApprovalAction;
  initial?: ServerRead<ChangeWithTimeline>;
}

const noop = () => () => undefined;

/**
 * `/changes/{id}`: one change, kept current while it is open (the request tracker of a sent change lives here).
 * `?approve=1` (`?decline=1`, `?withdraw=1`) opens that dialog: the list's actions and the way back from a
 * step-up sign-in land here.
 */
export function ChangeDetails({ changeId, viewer, asked, initial }: ChangeDetailsProps) {
  const query = useChange(changeId, initial);
  const [dialog, setDialog] = useState<ApprovalAction | 'reconcile' | null>(asked ?? null);
  // Dialogs only after hydration: the approve dialog restores what was typed from the tab's storage, which the
  // server cannot see.
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const change = query.data;
  const canReconcile = viewer.role === 'admin';

  function closeDialog() {
    setDialog(null);
    const url = new URL(window.location.href);
    if (APPROVAL_ACTIONS.some((a) => url.searchParams.has(a))) {
      for (const a of APPROVAL_ACTIONS) url.searchParams.delete(a);
      window.history.replaceState(window.history.state, '', url);
    }
  }
  return (
    <>
      <PageHeader
        eyebrow={<Breadcrumbs items={[{ label: 'Changes', href: '/changes' }, { label: 'Change' }]} />}
        title={
          <span className="flex flex-wrap items-center gap-3">
            Callback handler change {change && <ChangeStateBadge state={change.state} />}
          </span>
        }
        description={
          change && (
            <>
              API key{' '}
              <Link
                href={keyPagePath(change.cosignerId, change.apiKeyId)}
                className="font-mono text-xs break-all text-indigo-700 hover:underline dark:text-indigo-300"
              >
                {change.apiKeyId}
              </Link>
            </>
          )
        }
        actions={
          change?.state === 'completed' && <BackToKeyList cosignerId={change.cosignerId} apiKeyId={change.apiKeyId} />
        }
      />
      {!change ? (
        query.isError ? (
          <ErrorState
            title="Could not load this change"
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        ) : (
          <div role="status" aria-label="Loading the change" className="space-y-4">
            <Skeleton className="h-32 w-full" />
            <Skeleton className="h-64 w-full" />
          </div>
        )
      ) : (
        <div className="space-y-6">
          {query.isError && (
            <ErrorState
              title="Could not refresh this change"
              error={query.error}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
          )}
          {/* Awaiting approval, the verdict on the target comes first: it decides whether approving makes sense. */}
          {change.state === 'awaiting_approval' && (
            <ChangePreflight change={change} canCheck={viewer.role === 'admin'} />
          )}
          {change.state === 'unknown' ? (
            <UnknownOutcome
              apiKeyId={change.apiKeyId}
              idsBelow={Boolean(change.fireblocks.xRequestId || change.fireblocks.requestId)}
              requestNotFound={change.fireblocks.lastStatus === REQUEST_NOT_FOUND}
              action={
                canReconcile && (
                  <button
                    type="button"
                    onClick={() => setDialog('reconcile')}
                    className={buttonClass({ variant: 'secondary' })}
                  >
                    Mark as not applied…
                  </button>
                )
              }
            />
          ) : (
            <ChangeProgress change={change} />
          )}
          {change.state === 'awaiting_approval' ? (
            <ApprovalReview change={change} viewer={viewer} onAction={setDialog} />
          ) : (
            <ChangePreflight change={change} canCheck={false} />
          )}
          {canReconcile && canResubmit(change.state) && (
            <p className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 text-sm shadow-sm sm:flex-row sm:items-center sm:justify-between dark:border-zinc-800 dark:bg-zinc-900">
              <span>
                Nothing of this change is live. Open its values as a new change, correct them and submit again.
              </span>
              <Link
                href={resubmitPath(change.cosignerId, change.apiKeyId, change.id)}
                className={buttonClass({ className: 'shrink-0' })}
              >
                <RotateCcw aria-hidden className="h-4 w-4" />
                Open as a new change
              </Link>
            </p>
          )}
          <div className="grid gap-6 lg:grid-cols-2">
            <ChangeFacts change={change} />
            <ChangeTimeline entries={change.timeline} />
          </div>
          <ChangeSides before={change.before} after={change.after} />
          {hydrated && dialog === 'reconcile' && <ReconcileDialog changeId={change.id} onClose={closeDialog} />}
          {hydrated && dialog === 'approve' && <ApproveChangeDialog change={change} onClose={closeDialog} />}
          {hydrated && dialog === 'decline' && <DeclineChangeDialog changeId={change.id} onClose={closeDialog} />}
          {hydrated && dialog === 'withdraw' && <WithdrawChangeDialog changeId={change.id} onClose={closeDialog} />}
        </div>
      )}
    </>
  );
}
