'use client';

import Link from 'next/link';

import { FreshnessLabel } from '@/components/ui/freshness-label';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { FINDING_KINDS, type Finding, type FindingKind } from '@/lib/findings/findings-api-schemas';
import { useFindings, useRefreshFindings } from '@/lib/queries/use-findings';

import { FINDING_COPY } from '@/components/ui/handler/finding-copy';
import { FindingGroup } from './finding-group';

/** While the server walks the workspace (a few seconds on a large one). */
const findingsSkeleton = (
  <div role="status" aria-label="Loading the findings" className="space-y-4">
    <Skeleton className="h-6 w-64" />
    <Skeleton className="h-48 w-full" />
  </div>
);

export interface FindingsViewProps {
  /** Only this cosigner's findings (from a key list's badge). */
  cosignerId?: string;
  canEdit: boolean;
}

function byKind(findings: Finding[]): Array<[FindingKind, Finding[]]> {
  return FINDING_KINDS.map(
    (kind) => [kind, findings.filter((f) => f.kind === kind)] as [FindingKind, Finding[]],
  ).filter(([, list]) => list.length > 0);
}

/** The findings, grouped by kind (the most urgent first), with how fresh they are and a way to look again. */
export function FindingsView({ cosignerId, canEdit }: FindingsViewProps) {
  const query = useFindings(cosignerId);
  const refresh = useRefreshFindings(cosignerId);
  if (query.isPending) return findingsSkeleton;
  if (query.isError)
    return (
      <ErrorState
        title="Could not read the findings"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  const groups = byKind(query.data.findings);
  const cosignerName = cosignerId ? query.data.findings[0]?.cosignerName : undefined;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <FreshnessLabel
          asOf={query.data.asOf}
          subject="Findings"
          onRefresh={() => refresh.mutate()}
          refreshing={refresh.isPending}
        />
        {cosignerId && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Showing {cosignerName ? `${cosignerName} only` : 'one cosigner only'}.{' '}
            <Link href="/findings" className="font-medium text-indigo-700 underline dark:text-indigo-300">
              All cosigners
            </Link>
          </p>
        )}
      </div>
      {groups.length === 0 ? (
        <EmptyState title="No findings">
          Every key has a handler, no URL ends in a Co-Signer route, no certificate the console pinned expires within 30
          days, no URL is shared across cosigners, and every key was seen in the last 30 days.
        </EmptyState>
      ) : (
        <>
          <nav aria-label="Finding kinds">
            <ul className="flex flex-wrap gap-2 text-sm">
              {groups.map(([kind, list]) => (
                <li key={kind}>
                  <a
                    href={`#findings-${kind}`}
                    className="inline-flex rounded-md border border-zinc-300 px-2.5 py-1 text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
                  >
                    {FINDING_COPY[kind].heading}: {list.length}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {groups.map(([kind, list]) => (
            <FindingGroup key={kind} kind={kind} findings={list} canEdit={canEdit} />
          ))}
        </>
      )}
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Fireblocks reads a pinned certificate back only by its key hash, so an expiry is known only for a certificate
        the console itself pinned and that is still the live one. Archived cosigners are left out: their keys cannot be
        changed.
      </p>
    </div>
  );
}
