'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';

import { cosignerOpenChangesQuery } from '@/lib/queries/change-queries';
import { ListToolbar } from '@/components/ui/pagination/list-toolbar';
import { PaginationControls, rowsSummary } from '@/components/ui/pagination/pagination-controls';
import { TableSkeleton } from '@/components/ui/pagination/table-skeleton';
import { toSearchParams } from '@/components/ui/pagination/page-state';
import { usePageState } from '@/components/ui/pagination/use-page-state';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Toast } from '@/components/ui/toast';
import type { Finding } from '@/lib/findings/findings-api-schemas';
import type { InitialPage, ServerRead } from '@/lib/queries/initial-page';
import type { ListApiKeysResponse, ListChangesResponse } from '@/lib/queries/types';
import { useApiKeys } from '@/lib/queries/use-api-keys';
import { useChanges } from '@/lib/queries/use-changes';
import { useCosigner } from '@/lib/queries/use-cosigner';
import { useFindings } from '@/lib/queries/use-findings';

import { CopyReportContext } from '@/components/ui/copy-id-button';
import { HIGHLIGHT_PARAM, rememberKeyListPage, UPDATED_PARAM } from '@/components/ui/pagination/key-list-return';
import { searchPath } from '@/lib/page-paths';
import { filterApiKeys } from './filter-api-keys';
import { apiKeyColumns, ApiKeysGrid } from './api-keys-grid';

export interface ApiKeysTableProps {
  cosignerId: string;
  /** Admins get an edit action per key; viewers see the same table read-only. */
  canEdit: boolean;
  /** The page the server read for the first paint. */
  initial?: InitialPage<ListApiKeysResponse>;
  /** The cosigner's open changes as the server read them. */
  initialOpenChanges?: ServerRead<ListChangesResponse>;
}

/** A cosigner's paired API keys, a page at a time, with the page in the URL. */
export function ApiKeysTable({ cosignerId, canEdit, initial, initialOpenChanges }: ApiKeysTableProps) {
  const [state, setState] = usePageState();
  const query = useApiKeys(cosignerId, { pageSize: state.pageSize, order: state.order, cursor: state.cursor }, initial);
  const rows = query.data ? filterApiKeys(query.data.data, state.q) : [];
  const loaded = query.data?.data.length ?? 0;
  // Nothing ever loaded: no filter or page size for rows that are not there, and no "Page 1 · 0 keys".
  const neverLoaded = query.isError && !query.data;
  // One error card per failure: when the cosigner itself could not be read (Fireblocks down), its card above says
  // so and its Retry reads the keys too; a second card here would repeat the same failure.
  const cosigner = useCosigner(cosignerId);
  const pageFailed = cosigner.isError && neverLoaded;
  const columns = apiKeyColumns(canEdit);
  // The cosigner's open changes (one per key at most), kept current so a colleague's change shows without a reload.
  const open = useChanges(cosignerOpenChangesQuery(cosignerId), initialOpenChanges, { follow: true });
  const openByKey = new Map((open.data?.data ?? []).map((c) => [c.apiKeyId, c]));
  // Badges for keys with findings: they come from a walk of the whole workspace, so they arrive after the rows, and
  // a failure to read them leaves the rows as they are (the findings page shows the error).
  const findings = useFindings(cosignerId);
  const findingsByKey = new Map<string, Finding[]>();
  for (const f of findings.data?.findings ?? [])
    findingsByKey.set(f.apiKeyId, [...(findingsByKey.get(f.apiKeyId) ?? []), f]);
  // One live region for the rows' copy buttons (a status element in each of 100 rows would be noise and weight).
  const [copyMessage, setCopyMessage] = useState('');
  // Back from a completed change: the key's row is marked, and a toast says what changed.
  const params = useSearchParams();
  const highlighted = params.get(HIGHLIGHT_PARAM);
  const updated = highlighted !== null && params.get(UPDATED_PARAM) === '1';
  // The page the admin sees is where "Back" returns after a change to one of its keys (key-list-return.ts).
  const pageQs = toSearchParams({ ...state, q: '' }).toString();
  const shownIds = query.data?.data.map((k) => k.id).join(',');
  useEffect(() => {
    if (shownIds !== undefined) rememberKeyListPage(cosignerId, pageQs, shownIds ? shownIds.split(',') : []);
  }, [cosignerId, pageQs, shownIds]);

  if (pageFailed) return null;
  return (
    <section
      aria-labelledby="api-keys-heading"
      className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="api-keys-heading" className="px-4 pt-4 text-base font-semibold text-zinc-950 dark:text-white">
        API keys
      </h2>
      {!neverLoaded && <ListToolbar state={state} onChange={setState} filterHint="ID, URL, public key, certificate" />}
      {query.isPending ? (
        <TableSkeleton label="API keys" columns={columns} />
      ) : query.isError ? (
        <div className="p-4">
          <ErrorState
            title="Could not load API keys"
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        </div>
      ) : loaded === 0 ? (
        <EmptyState title="No API keys on this page">
          {state.prev.length === 0
            ? 'No API key is paired with this cosigner yet.'
            : 'Fireblocks returned an empty page. Go back to the previous page.'}
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title={`No API keys on this page match “${state.q}”`}>
          The filter only looks at the {loaded} keys loaded on this page.{' '}
          <Link
            href={searchPath(state.q.trim())}
            className="font-medium text-indigo-700 underline dark:text-indigo-300"
          >
            Search every page for “{state.q.trim()}”
          </Link>
        </EmptyState>
      ) : (
        <CopyReportContext value={setCopyMessage}>
          <ApiKeysGrid
            cosignerId={cosignerId}
            rows={rows}
            canEdit={canEdit}
            openByKey={openByKey}
            findingsByKey={findingsByKey}
            highlighted={highlighted}
            stale={query.isPlaceholderData}
            busy={query.isFetching}
          />
        </CopyReportContext>
      )}
      <p role="status" className="sr-only">
        {copyMessage}
      </p>
      {updated && <Toast key={highlighted} message={`Callback handler of …${highlighted.slice(-6)} updated`} />}
      <PaginationControls
        state={state}
        onChange={setState}
        query={query}
        summary={rowsSummary(rows.length, loaded, Boolean(state.q), ['key', 'keys'])}
      />
    </section>
  );
}
