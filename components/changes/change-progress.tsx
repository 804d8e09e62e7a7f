'use client';

import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';

import { cn } from '@/components/ui/cn';
import { ErrorState } from '@/components/ui/error-state';
import { queryKeys } from '@/lib/queries/query-keys';
import type { ChangeWithTimeline, FireblocksRequestStatus } from '@/lib/queries/types';
import { useApiKey } from '@/lib/queries/use-api-key';

import { CHANGE_STATE_COPY } from '@/components/ui/change/change-state-copy';
import { REQUEST_STATUS_COPY } from '@/components/ui/change/request-status-copy';
import { LiveVerdict } from './live-verdict';
import { RequestSteps } from './request-steps';

const toneClass = {
  progress:
    'border-indigo-200 bg-indigo-50 text-indigo-950 dark:border-indigo-800 dark:bg-indigo-950/50 dark:text-indigo-100',
  success:
    'border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100',
  failure: 'border-red-200 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100',
} as const;

const KNOWN_STATUSES: ReadonlySet<string> = new Set(Object.keys(REQUEST_STATUS_COPY));
const asRequestStatus = (s: string | null): FireblocksRequestStatus | undefined =>
  s && KNOWN_STATUSES.has(s) ? (s as FireblocksRequestStatus) : undefined;

export interface ChangeProgressProps {
  change: ChangeWithTimeline;
}

/**
 * Where the change is: the Fireblocks request's steps once it was sent, the state in words, and after COMPLETED a
 * fresh read of the key that says whether what is live is what the change sent. (An `unknown` change is shown by
 * UnknownOutcome instead.)
 */
export function ChangeProgress({ change }: ChangeProgressProps) {
  const requestStatus = asRequestStatus(change.fireblocks.lastStatus);
  const completed = change.state === 'completed';
  const key = useApiKey(change.cosignerId, change.apiKeyId);
  const queryClient = useQueryClient();
  useEffect(() => {
    // The key (and every list showing it) changed upstream: re-read rather than trust any cache.
    if (completed) void queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys.all(change.cosignerId) });
  }, [completed, change.cosignerId, queryClient]);
  const liveIsFresh = completed && key.isFetchedAfterMount && !key.isFetching && key.data;

  // While sent, the Fireblocks status says more than "sent" (waiting for approval, approved).
  const copy =
    change.state === 'sent' && requestStatus
      ? {
          title: REQUEST_STATUS_COPY[requestStatus].title,
          text: REQUEST_STATUS_COPY[requestStatus].text,
          tone: REQUEST_STATUS_COPY[requestStatus].tone,
        }
      : {
          title: CHANGE_STATE_COPY[change.state].label,
          text: CHANGE_STATE_COPY[change.state].text,
          tone: toneOf(change.state),
        };
  return (
    <section
      aria-labelledby="change-progress-heading"
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="change-progress-heading" className="text-base font-semibold text-zinc-950 dark:text-white">
        Progress
      </h2>
      {change.fireblocks.requestId && <RequestSteps status={requestStatus} />}
      <div role="status" aria-live="polite" className={cn('rounded-md border p-3 text-sm', toneClass[copy.tone])}>
        <p className="font-semibold">Status: {copy.title}</p>
        <p className="mt-1">{copy.text}</p>
      </div>
      {completed &&
        (liveIsFresh && key.data ? (
          <LiveVerdict live={key.data} after={change.after} />
        ) : key.isError ? (
          <ErrorState
            title="Could not re-read the key"
            error={key.error}
            onRetry={() => void key.refetch()}
            retrying={key.isFetching}
          />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Re-reading the key…</p>
        ))}
    </section>
  );
}

function toneOf(state: ChangeWithTimeline['state']): keyof typeof toneClass {
  if (state === 'completed') return 'success';
  const tone = CHANGE_STATE_COPY[state].tone;
  return tone === 'danger' || tone === 'neutral' ? 'failure' : 'progress';
}
