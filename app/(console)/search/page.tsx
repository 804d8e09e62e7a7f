import type { Metadata } from 'next';

import type { SearchParamsRecord } from '@/components/ui/pagination/to-url-search-params';
import { SearchView } from '@/components/search/search-view';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageSession } from '@/lib/auth/page-guard';
import { SEARCH_QUERY_MAX } from '@/lib/search/search-api-schemas';

export const metadata: Metadata = { title: 'Search' };

/**
 * GET /search?q= — keys and cosigners across every page of every cosigner, for every signed-in role. The results are
 * read in the browser (GET /api/search): the server's walk of the workspace is shared and cached, not per page view.
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await requirePageSession();
  const { q } = await searchParams;
  const initialQuery = typeof q === 'string' ? q.slice(0, SEARCH_QUERY_MAX) : '';
  return (
    <>
      <PageHeader
        title="Search"
        description="Find an API key by its ID, callback URL host or fingerprint, or a cosigner by its name or ID."
      />
      {/* Keyed by the query it opened with: a new search from the header starts the box afresh. */}
      <SearchView key={initialQuery} initialQuery={initialQuery} />
    </>
  );
}
