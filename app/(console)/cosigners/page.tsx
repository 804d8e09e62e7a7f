import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';

import { CosignersTable } from '@/components/cosigners/cosigners-table';
import { readPageState } from '@/components/pagination/page-state';
import { toUrlSearchParams, type SearchParamsRecord } from '@/components/pagination/to-url-search-params';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageSession } from '@/lib/auth/guard';
import { getQueryClient } from '@/lib/queries/get-query-client';
import { prefetchCosigners } from '@/lib/queries/prefetch-cosigners';

export const metadata: Metadata = { title: 'Cosigners' };

/** GET /cosigners — the workspace's cosigners; the page in the URL is prefetched for the first paint. */
export default async function CosignersPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await requirePageSession();
  const state = readPageState(toUrlSearchParams(await searchParams));
  const queryClient = getQueryClient();
  await prefetchCosigners({ queryClient, page: { pageSize: state.pageSize, order: state.order, cursor: state.cursor } });
  return (
    <>
      <PageHeader title="Cosigners" description="API Co-signers paired with this Fireblocks workspace." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CosignersTable />
      </HydrationBoundary>
    </>
  );
}
