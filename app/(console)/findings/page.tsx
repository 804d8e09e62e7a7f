import type { Metadata } from 'next';

import { FindingsView } from '@/components/findings/findings-view';
import type { SearchParamsRecord } from '@/components/ui/pagination/to-url-search-params';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageSession } from '@/lib/auth/page-guard';
import { cosignerIdSchema } from '@/lib/fireblocks/upstream-schemas';

export const metadata: Metadata = { title: 'Findings' };

/**
 * GET /findings[?cosignerId=] — what is wrong with the workspace's callback handlers, for every signed-in role, read in
 * the browser from GET /api/findings (the server's shared, cached walk of every cosigner's keys).
 */
export default async function FindingsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { user } = await requirePageSession();
  const cosignerId = cosignerIdSchema.safeParse((await searchParams).cosignerId);
  return (
    <>
      <PageHeader
        title="Findings"
        description="Keys whose callback handler needs attention, across every cosigner, and what to do about each."
      />
      <FindingsView cosignerId={cosignerId.success ? cosignerId.data : undefined} canEdit={user.role === 'admin'} />
    </>
  );
}
