'use client';

import { useEffect } from 'react';
import Link from 'next/link';
import { useQueryClient } from '@tanstack/react-query';

import { buttonClass } from '@/components/ui/button-styles';
import { cn } from '@/components/ui/cn';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorState } from '@/components/ui/error-state';
import { queryKeys } from '@/lib/queries/query-keys';
import { useApiKey } from '@/lib/queries/use-api-key';
import { TERMINAL_STATES, useRequestStatus } from '@/lib/queries/use-request-status';

import { LiveVerdict } from './live-verdict';
import { STATE_COPY } from './request-states';
import { RequestSteps } from './request-steps';
import { useSubmitted } from './submitted-store';

export interface RequestTrackerProps {
  cosignerId: string;
  apiKeyId: string;
  requestId: string;
  onNewChange: () => void;
}

const toneClass = {
  progress: 'border-indigo-200 bg-indigo-50 text-indigo-950 dark:border-indigo-800 dark:bg-indigo-950/50 dark:text-indigo-100',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100',
  failure: 'border-red-200 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100',
} as const;

/**
 * Follows a sent change to its end: polls the request until a terminal state, explains each state, and on
 * COMPLETED re-reads the key to say whether what is live is what was submitted. Driven by `?request=` alone,
 * so a reload (or a link sent to a colleague) picks it up again.
 */
export function RequestTracker({ cosignerId, apiKeyId, requestId, onNewChange }: RequestTrackerProps) {
  const status = useRequestStatus(cosignerId, apiKeyId, requestId);
  const record = useSubmitted(requestId);
  const key = useApiKey(cosignerId, apiKeyId);
  const queryClient = useQueryClient();
  const state = status.data?.status;
  const terminal = state !== undefined && TERMINAL_STATES.has(state);
  const completedAt = state === 'COMPLETED' ? status.dataUpdatedAt : 0;

  useEffect(() => {
    // The key (and every list showing it) changed upstream: re-read rather than trust any cache.
    if (completedAt > 0) void queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys.all(cosignerId) });
  }, [completedAt, cosignerId, queryClient]);
  const liveIsFresh = completedAt > 0 && key.dataUpdatedAt >= completedAt && !key.isFetching && key.data;

  const copy = state ? STATE_COPY[state] : undefined;
  return (
    <section aria-labelledby="request-heading" className="space-y-5 rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="space-y-2">
        <h2 id="request-heading" className="text-base font-semibold text-zinc-950 dark:text-white">
          Change sent to Fireblocks
        </h2>
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1 text-sm">
          <dt className="text-zinc-600 dark:text-zinc-400">Request ID</dt>
          <dd className="flex min-w-0 items-center gap-1 font-mono text-xs">
            <span className="truncate">{requestId}</span>
            <CopyButton value={requestId} label="Copy request ID" />
          </dd>
          {record?.fireblocksRequestId && (
            <>
              <dt className="text-zinc-600 dark:text-zinc-400">Fireblocks request ID</dt>
              <dd className="flex min-w-0 items-center gap-1 font-mono text-xs">
                <span className="truncate">{record.fireblocksRequestId}</span>
                <CopyButton value={record.fireblocksRequestId} label="Copy Fireblocks request ID" />
              </dd>
            </>
          )}
        </dl>
      </div>
      <RequestSteps status={state} />
      {status.isError ? (
        <ErrorState title="Could not read the request’s status" error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />
      ) : (
        <div role="status" aria-live="polite" className={cn('rounded-md border p-3 text-sm', copy ? toneClass[copy.tone] : toneClass.progress)}>
          <p className="font-semibold">{copy ? `Status: ${copy.title}` : 'Status: checking…'}</p>
          {copy && <p className="mt-1">{copy.text}</p>}
        </div>
      )}
      {state === 'COMPLETED' &&
        (liveIsFresh && key.data ? (
          <LiveVerdict live={key.data} record={record} />
        ) : key.isError ? (
          <ErrorState title="Could not re-read the key" error={key.error} onRetry={() => void key.refetch()} retrying={key.isFetching} />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Re-reading the key…</p>
        ))}
      <div className="flex flex-wrap gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <Link href={`/cosigners/${encodeURIComponent(cosignerId)}`} className={buttonClass()}>
          Back to cosigner
        </Link>
        {terminal && (
          <button type="button" onClick={onNewChange} className={buttonClass({ variant: 'ghost' })}>
            Make another change
          </button>
        )}
      </div>
    </section>
  );
}
