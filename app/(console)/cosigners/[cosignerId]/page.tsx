import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';

import { ApiKeysTable } from '@/components/cosigner/api-keys-table';
import { CosignerDetails } from '@/components/cosigner/cosigner-details';
import { readPageState } from '@/components/pagination/page-state';
import { toUrlSearchParams, type SearchParamsRecord } from '@/components/pagination/to-url-search-params';
import { requirePageSession } from '@/lib/auth/guard';
import { cosignerIdSchema } from '@/lib/fireblocks/schema';
import { getQueryClient } from '@/lib/queries/get-query-client';
import { prefetchCosigner } from '@/lib/queries/prefetch-cosigner';

export const metadata: Metadata = { title: 'Cosigner' };

interface CosignerPageProps {
  params: Promise<{ cosignerId: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

/** GET /cosigners/{id} — a cosigner and its API keys; admins get an edit action per key. */
export default async function CosignerPage({ params, searchParams }: CosignerPageProps) {
  const { user } = await requirePageSession();
  const { cosignerId: raw } = await params;
  const parsed = cosignerIdSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const cosignerId = parsed.data;
  const state = readPageState(toUrlSearchParams(await searchParams));
  const queryClient = getQueryClient();
  await prefetchCosigner({ queryClient, cosignerId, keysPage: { pageSize: state.pageSize, order: state.order, cursor: state.cursor } });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CosignerDetails cosignerId={cosignerId} />
      <ApiKeysTable cosignerId={cosignerId} canEdit={user.role === 'admin'} />
    </HydrationBoundary>
  );
}
