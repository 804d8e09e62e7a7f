'use client';

import { ListToolbar } from '@/components/ui/pagination/list-toolbar';
import { PaginationControls, rowsSummary } from '@/components/ui/pagination/pagination-controls';
import { TableSkeleton } from '@/components/ui/pagination/table-skeleton';
import { usePageState } from '@/components/ui/pagination/use-page-state';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { DataTable } from '@/components/ui/data-table';
import type { InitialPage } from '@/lib/queries/initial-page';
import type { ListCosignersResponse } from '@/lib/queries/types';
import { useCosigners } from '@/lib/queries/use-cosigners';

import { CosignerRow } from './cosigner-row';
import { COSIGNER_COLUMNS } from './cosigners-columns';
import { filterCosigners } from './filter-cosigners';

export interface CosignersTableProps {
  /** The page the server read for the first paint (null data if it could not). */
  initial?: InitialPage<ListCosignersResponse>;
}

/** The workspace's cosigners, a page at a time, with the page in the URL. */
export function CosignersTable({ initial }: CosignersTableProps) {
  const [state, setState] = usePageState();
  const query = useCosigners({ pageSize: state.pageSize, order: state.order, cursor: state.cursor }, initial);
  const rows = query.data ? filterCosigners(query.data.data, state.q) : [];
  const loaded = query.data?.data.length ?? 0;
  // Nothing ever loaded: no filter or page size for rows that are not there, and no "Page 1 · 0 cosigners".
  const neverLoaded = query.isError && !query.data;

  return (
    <div className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      {!neverLoaded && <ListToolbar state={state} onChange={setState} filterHint="Name, ID, type or version" />}
      {query.isPending ? (
        <TableSkeleton label="cosigners" columns={COSIGNER_COLUMNS} />
      ) : query.isError ? (
        <div className="p-4">
          <ErrorState
            title="Could not load cosigners"
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        </div>
      ) : loaded === 0 ? (
        <EmptyState title="No cosigners on this page">
          {state.prev.length === 0
            ? 'This workspace has no cosigners yet. Add one in the Fireblocks Console; it appears here once paired.'
            : 'Fireblocks returned an empty page. Go back to the previous page.'}
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title={`No cosigners on this page match “${state.q}”`}>
          The filter only looks at the {loaded} rows loaded on this page. Try another page or clear the filter.
        </EmptyState>
      ) : (
        <DataTable
          caption="Cosigners"
          columns={COSIGNER_COLUMNS}
          className="min-w-[720px]"
          busy={query.isFetching}
          stale={query.isPlaceholderData}
        >
          {rows.map((c) => (
            <CosignerRow key={c.id} cosigner={c} />
          ))}
        </DataTable>
      )}
      <PaginationControls
        state={state}
        onChange={setState}
        query={query}
        summary={rowsSummary(rows.length, loaded, Boolean(state.q), ['cosigner', 'cosigners'])}
      />
    </div>
  );
}
