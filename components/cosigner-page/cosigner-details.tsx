'use client';

import { useQueryClient } from '@tanstack/react-query';

import { CopyButton } from '@/components/ui/copy-button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { queryKeys } from '@/lib/queries/query-keys';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { CosignerResponse } from '@/lib/queries/types';
import { useCosigner } from '@/lib/queries/use-cosigner';
import { CosignerTypeBadge, VersionLabel } from '@/components/ui/cosigner-labels';

export interface CosignerDetailsProps {
  cosignerId: string;
  /** What the server read for the first paint. */
  initial?: ServerRead<CosignerResponse>;
}

const dtClass = 'text-xs font-medium text-zinc-600 uppercase tracking-wide dark:text-zinc-400';

/** The cosigner's facts: id, type, version, status (the heading is server-rendered by the page). */
export function CosignerDetails({ cosignerId, initial }: CosignerDetailsProps) {
  const query = useCosigner(cosignerId, initial);
  const queryClient = useQueryClient();
  const c = query.data;
  // The key list shows no card of its own while this one stands for the page's failure: Retry reads both.
  function retry() {
    void query.refetch();
    void queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys.all(cosignerId) });
  }
  return (
    <>
      {query.isError ? (
        <div className="mb-6">
          <ErrorState
            title="Could not load this cosigner"
            error={query.error}
            onRetry={retry}
            retrying={query.isFetching}
          />
        </div>
      ) : (
        <dl className="mb-6 grid gap-4 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_1fr_1fr_1fr] dark:border-zinc-800 dark:bg-zinc-900">
          <div className="min-w-0 space-y-1 sm:col-span-2 lg:col-span-1">
            <dt className={dtClass}>Cosigner ID</dt>
            <dd className="flex items-center gap-1">
              <code className="truncate font-mono text-xs" title={cosignerId}>
                {cosignerId}
              </code>
              <CopyButton value={cosignerId} label="Copy cosigner ID" />
            </dd>
          </div>
          <div className="space-y-1">
            <dt className={dtClass}>Type</dt>
            <dd>{c ? <CosignerTypeBadge type={c.type} /> : <Skeleton className="h-5 w-24" />}</dd>
          </div>
          <div className="space-y-1">
            <dt className={dtClass}>Version</dt>
            <dd className="text-sm">{c ? <VersionLabel version={c.version} /> : <Skeleton className="h-5 w-32" />}</dd>
          </div>
          <div className="space-y-1">
            <dt className={dtClass}>Status</dt>
            <dd className="text-sm">
              {c ? (
                c.archived ? (
                  'Archived: kept for its history, no longer in use'
                ) : (
                  'Active'
                )
              ) : (
                <Skeleton className="h-5 w-16" />
              )}
            </dd>
          </div>
        </dl>
      )}
    </>
  );
}
