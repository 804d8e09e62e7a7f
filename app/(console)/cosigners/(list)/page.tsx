import type { Metadata } from 'next';

import { CosignersTable } from '@/components/cosigner-list/cosigners-table';
import { readPageState } from '@/components/ui/pagination/page-state';
import { toUrlSearchParams, type SearchParamsRecord } from '@/components/ui/pagination/to-url-search-params';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageSession } from '@/lib/auth/page-guard';
import { fetchCosignersPage } from '@/lib/queries/server-fetch';

export const metadata: Metadata = { title: 'Cosigners' };

/**
 * GET /cosigners — the workspace's cosigners; the page in the URL is read on the server for the first paint. In the
 * (list) route group so its loading.tsx wraps this page only, not the routes below /cosigners/.
 */
export default async function CosignersPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await requirePageSession();
  const state = readPageState(toUrlSearchParams(await searchParams));
  const page = { pageSize: state.pageSize, order: state.order, cursor: state.cursor };
  const read = await fetchCosignersPage(page);
  return (
    <>
      <PageHeader title="Cosigners" description="API Co-signers paired with this Fireblocks workspace." />
      <CosignersTable initial={{ page, ...read }} />
    </>
  );
}
