'use client';

import { CosignerStatusBadge } from '@/components/cosigners/cosigner-status-badge';
import { CosignerTypeBadge } from '@/components/cosigners/cosigner-type-badge';
import { VersionLabel } from '@/components/cosigners/version-label';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useCosigner } from '@/lib/queries/use-cosigner';

export interface CosignerDetailsProps {
  cosignerId: string;
}

const dtClass = 'text-xs font-medium text-zinc-600 uppercase tracking-wide dark:text-zinc-400';

/** The cosigner's heading and facts: id, type, version, status. */
export function CosignerDetails({ cosignerId }: CosignerDetailsProps) {
  const query = useCosigner(cosignerId);
  const c = query.data;
  const name = c ? c.name || 'Unnamed cosigner' : 'Cosigner';
  return (
    <>
      <PageHeader
        eyebrow={<Breadcrumbs items={[{ label: 'Cosigners', href: '/cosigners' }, { label: name }]} />}
        title={query.isPending ? <Skeleton className="h-8 w-56" /> : name}
        actions={c ? <CosignerStatusBadge archived={c.archived} /> : undefined}
      />
      {query.isError ? (
        <div className="mb-6">
          <ErrorState title="Could not load this cosigner" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        </div>
      ) : (
        <dl className="mb-6 grid gap-4 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900">
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
              {c ? (c.archived ? 'Archived: kept for its history, no longer in use' : 'Active') : <Skeleton className="h-5 w-16" />}
            </dd>
          </div>
        </dl>
      )}
    </>
  );
}
