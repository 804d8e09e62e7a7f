import type { Metadata } from 'next';

import { AuditTrail } from '@/components/audit/audit-trail';
import { readAuditUrlState } from '@/components/audit/audit-url-state';
import { toUrlSearchParams, type SearchParamsRecord } from '@/components/ui/pagination/to-url-search-params';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageSession } from '@/lib/auth/page-guard';
import { fetchAuditPage } from '@/lib/queries/server-fetch-audit';

export const metadata: Metadata = { title: 'Audit trail' };

/** GET /audit — every recorded event, newest first, for admins and viewers; the page in the URL is read here for the first paint. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await requirePageSession({ role: 'viewer' });
  const { filter, problem, page } = readAuditUrlState(toUrlSearchParams(await searchParams));
  const params = { filter, pageSize: page.pageSize, cursor: page.cursor };
  // A filter the server would refuse reads nothing: the page shows why instead of rows.
  const initial = problem ? undefined : { params, ...(await fetchAuditPage(params)) };
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Sign-ins and every change to a callback handler, hash-chained: the record Fireblocks cannot keep, since every change reaches it as the one API user."
      />
      <AuditTrail initial={initial} />
    </>
  );
}
