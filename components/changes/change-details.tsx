'use client';

import { useState } from 'react';
import Link from 'next/link';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { ChangeWithTimeline } from '@/lib/queries/types';
import { useChange } from '@/lib/queries/use-change';

import { BackToKeyList } from './back-to-key-list';
import { keyPagePath } from './change-paths';
import { ChangeFacts } from './change-facts';
import { ChangeProgress } from './change-progress';
import { ChangeSides } from './change-sides';
import { ChangeStateBadge } from './change-state-badge';
import { ChangeTimeline } from './change-timeline';
import { ReconcileDialog } from './reconcile-dialog';
import { UnknownOutcome } from './unknown-outcome';

export interface ChangeDetailsProps {
  changeId: string;
  /** Admins may mark an `unknown` change as not applied. */
  canReconcile: boolean;
  initial?: ServerRead<ChangeWithTimeline>;
}

/** `/changes/{id}`: one change, kept current while it is open (the request tracker of a sent change lives here). */
export function ChangeDetails({ changeId, canReconcile, initial }: ChangeDetailsProps) {
  const query = useChange(changeId, initial);
  const [reconciling, setReconciling] = useState(false);
  const change = query.data;
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
          {change.state === 'unknown' ? (
            <UnknownOutcome
              action={
                canReconcile && (
                  <button
                    type="button"
                    onClick={() => setReconciling(true)}
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
          <div className="grid gap-6 lg:grid-cols-2">
            <ChangeFacts change={change} />
            <ChangeTimeline entries={change.timeline} />
          </div>
          <ChangeSides before={change.before} after={change.after} />
          {reconciling && <ReconcileDialog changeId={change.id} onClose={() => setReconciling(false)} />}
        </div>
      )}
    </>
  );
}
