import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ApiKeysTable } from '@/components/cosigner/api-keys-table';
import { CosignerDetails } from '@/components/cosigner/cosigner-details';
import { CosignerHeader } from '@/components/cosigner/cosigner-header';
import { readPageState } from '@/components/pagination/page-state';
import { toUrlSearchParams, type SearchParamsRecord } from '@/components/pagination/to-url-search-params';
import { requirePageSession } from '@/lib/auth/guard';
import { cosignerIdSchema } from '@/lib/fireblocks/schema';
import { notFoundOr } from '@/lib/queries/not-found-or';
import { fetchApiKeysPage, fetchCosigner } from '@/lib/queries/server-fetch';

export const metadata: Metadata = { title: 'Cosigner' };

interface CosignerPageProps {
  params: Promise<{ cosignerId: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

/**
 * GET /cosigners/{id} — a cosigner and its API keys; admins get an edit action per key. In the (detail) route group
 * with its loading.tsx so that skeleton wraps this page only, not the admin-only edit route below it (whose 404
 * must be sent before anything streams).
 */
export default async function CosignerPage({ params, searchParams }: CosignerPageProps) {
  const { user } = await requirePageSession();
  const parsed = cosignerIdSchema.safeParse((await params).cosignerId);
  if (!parsed.success) notFound();
  const cosignerId = parsed.data;
  const state = readPageState(toUrlSearchParams(await searchParams));
  const page = { pageSize: state.pageSize, order: state.order, cursor: state.cursor };
  const [cosigner, keys] = await notFoundOr([fetchCosigner(cosignerId), fetchApiKeysPage(cosignerId, page)]);
  return (
    <>
      <CosignerHeader cosigner={cosigner} />
      <CosignerDetails cosignerId={cosignerId} initial={cosigner} />
      <ApiKeysTable cosignerId={cosignerId} canEdit={user.role === 'admin'} initial={{ page, data: keys }} />
    </>
  );
}
