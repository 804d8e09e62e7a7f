import type { Metadata } from 'next';

import { AwaitingApproval } from '@/components/changes/awaiting-approval';
import { awaitingApprovalQuery } from '@/lib/queries/change-queries';
import { ChangesFilter, readChangesFilter } from '@/components/changes/changes-filter';
import { ChangesTable } from '@/components/changes/changes-table';
import type { SearchParamsRecord } from '@/components/ui/pagination/to-url-search-params';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageSession } from '@/lib/auth/page-guard';
import { fetchChanges } from '@/lib/queries/server-fetch-changes';

export const metadata: Metadata = { title: 'Changes' };

const PAGE_SIZE = 25;

/**
 * GET /changes — changes awaiting approval first (with what the viewer can do about each), then open and recent
 * changes to callback handlers, for every signed-in role; the filter and the page are in the URL, read on the server
 * for the first paint.
 */
export default async function ChangesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { iss, user } = await requirePageSession();
  const params = await searchParams;
  const state = readChangesFilter(params.state);
  const cursor = typeof params.cursor === 'string' && params.cursor.length <= 512 ? params.cursor : undefined;
  const query = { state, pageSize: PAGE_SIZE, cursor };
  const [initial, awaiting] = await Promise.all([
    fetchChanges(query),
    state === 'closed' ? undefined : fetchChanges(awaitingApprovalQuery),
  ]);
  return (
    <>
      <PageHeader
        title="Changes"
        description="Every change to a callback handler made through the console: who proposed it, why, and where it stands."
      />
      {state !== 'closed' && (
        <AwaitingApproval
          viewer={{ iss, sub: user.sub, role: user.role === 'admin' ? 'admin' : 'viewer' }}
          initial={awaiting}
        />
      )}
      <ChangesFilter path="/changes" current={state} />
      <ChangesTable
        key={`${state}:${cursor ?? ''}`}
        heading={state === 'open' ? 'Open changes' : state === 'closed' ? 'Closed changes' : 'All changes'}
        query={query}
        initial={initial}
        showKey
        pagePath="/changes"
        emptyText={
          state === 'open'
            ? 'No change is open: every key can be changed.'
            : 'No change has been made through the console yet.'
        }
      />
    </>
  );
}
