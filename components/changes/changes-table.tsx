'use client';

import Link from 'next/link';

import { TableSkeleton } from '@/components/ui/pagination/table-skeleton';
import { buttonClass } from '@/components/ui/button-styles';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { DataTable } from '@/components/ui/data-table';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { ChangesQuery } from '@/lib/queries/query-keys';
import type { ListChangesResponse } from '@/lib/queries/types';
import { useChanges } from '@/lib/queries/use-changes';

import { ChangeRow } from './change-row';
import { changesPageHref } from './changes-filter';

export interface ChangesTableProps {
  heading: string;
  query: ChangesQuery;
  /** Off in a key's own history. */
  showKey: boolean;
  /** The list page's path, whose URL keeps the filter and the cursor (`?state=&cursor=`); none: no paging. */
  pagePath?: string;
  initial?: ServerRead<ListChangesResponse>;
  emptyText: string;
}

/** Changes, newest first, kept current while shown (a colleague's change appears without a reload). */
export function ChangesTable({ heading, query, showKey, pagePath, initial, emptyText }: ChangesTableProps) {
  const list = useChanges(query, initial, { follow: true });
  const columns = ['State', ...(showKey ? ['API key', 'Cosigner'] : []), 'Proposed by', 'Reason', 'Proposed', 'Change'];
  const rows = list.data?.data ?? [];
  const headingId = `${heading.toLowerCase().replace(/[^a-z]+/g, '-')}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id={headingId} className="px-4 pt-4 pb-3 text-base font-semibold text-zinc-950 dark:text-white">
        {heading}
      </h2>
      {list.isPending ? (
        <TableSkeleton label={heading} columns={columns} />
      ) : list.isError ? (
        <div className="p-4">
          <ErrorState
            title="Could not load changes"
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        </div>
      ) : rows.length === 0 ? (
        <EmptyState title="No changes">{emptyText}</EmptyState>
      ) : (
        <DataTable caption={heading} columns={columns} srOnlyColumns={['Change']} busy={list.isFetching}>
          {rows.map((c) => (
            <ChangeRow key={c.id} change={c} showKey={showKey} />
          ))}
        </DataTable>
      )}
      {pagePath && (query.cursor || list.data?.next) && (
        <nav
          aria-label="Pagination"
          className="flex justify-end gap-2 border-t border-zinc-200 px-3 py-2.5 dark:border-zinc-800"
        >
          {query.cursor && (
            <Link href={changesPageHref(pagePath, query.state, null)} className={buttonClass({ size: 'sm' })}>
              Newest
            </Link>
          )}
          {list.data?.next && (
            <Link href={changesPageHref(pagePath, query.state, list.data.next)} className={buttonClass({ size: 'sm' })}>
              Older
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
