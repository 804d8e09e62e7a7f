'use client';

import { useCallback } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';

import { PaginationControls } from '@/components/ui/pagination/pagination-controls';
import { TableSkeleton } from '@/components/ui/pagination/table-skeleton';
import type { PageState } from '@/components/ui/pagination/page-state';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { DataTable } from '@/components/ui/data-table';
import { isFiltered } from '@/lib/audit/audit-api-schemas';
import { useAuditEvents, type InitialAuditPage } from '@/lib/queries/use-audit-events';

import { AUDIT_COLUMNS } from './audit-columns';
import { AuditEventRow } from './audit-event-row';
import { AuditExportLinks } from './audit-export-links';
import { AuditFilters } from './audit-filters';
import {
  readAuditUrlState,
  toAuditSearchParams,
  withFilter,
  type AuditUrlState,
  type RawAuditFilter,
} from './audit-url-state';

/**
 * The state from the URL, and a setter writing it back with the History API: Next syncs useSearchParams with it,
 * so React Query fetches the page from /api without a server render. Page moves push (Back goes to the previous
 * page); filter changes replace (no history entry per pause in typing).
 */
function useAuditUrlState(): [AuditUrlState, (next: AuditUrlState, mode: 'push' | 'replace') => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const setState = useCallback(
    (next: AuditUrlState, mode: 'push' | 'replace') => {
      const qs = toAuditSearchParams(next).toString();
      const url = qs ? `${pathname}?${qs}` : pathname;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [pathname],
  );
  return [readAuditUrlState(params), setState];
}

/**
 * The audit trail, newest first: filters and page in the URL, keyset paging, exports of the filtered set. A filter
 * the server would refuse reads nothing and shows no rows: the filters say why.
 */
export function AuditTrail({ initial }: { initial?: InitialAuditPage }) {
  const [state, setState] = useAuditUrlState();
  const usable = state.problem === null;
  const query = useAuditEvents(
    { filter: state.filter, pageSize: state.page.pageSize, cursor: state.page.cursor },
    initial,
    usable,
  );
  const events = query.data?.data ?? [];
  // Nothing loaded: no exports or paging of events that are not there (the filters stay: they may be the cause).
  const neverLoaded = query.isError && !query.data;
  const onFilter = useCallback((raw: RawAuditFilter) => setState(withFilter(state, raw), 'replace'), [setState, state]);
  const onPage = (page: PageState) => setState({ ...state, page }, 'push');

  return (
    <div className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <AuditFilters raw={state.raw} problem={state.problem} onChange={onFilter} />
      {!usable ? (
        <EmptyState title="No events shown">Change or clear the filter named above.</EmptyState>
      ) : (
        <>
          {!neverLoaded && <AuditExportLinks filter={state.filter} />}
          {query.isPending ? (
            <TableSkeleton label="audit events" columns={AUDIT_COLUMNS} />
          ) : query.isError ? (
            <div className="p-4">
              <ErrorState
                title="Could not load the audit trail"
                error={query.error}
                onRetry={() => void query.refetch()}
                retrying={query.isFetching}
              />
            </div>
          ) : events.length === 0 ? (
            <EmptyState title={isFiltered(state.filter) ? 'No events match these filters' : 'No audit events yet'}>
              {isFiltered(state.filter)
                ? 'Widen the time range or clear a filter.'
                : 'Sign-ins, sign-outs and every change to a callback handler are recorded here.'}
            </EmptyState>
          ) : (
            <DataTable
              caption="Audit events, newest first"
              columns={AUDIT_COLUMNS}
              className="min-w-[960px]"
              busy={query.isFetching}
              stale={query.isPlaceholderData}
            >
              {events.map((e) => (
                <AuditEventRow key={e.seq} event={e} />
              ))}
            </DataTable>
          )}
          <PaginationControls
            state={state.page}
            onChange={onPage}
            query={query}
            summary={`${events.length} ${events.length === 1 ? 'event' : 'events'} on this page`}
          />
        </>
      )}
    </div>
  );
}
