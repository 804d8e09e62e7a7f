import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { cosignerOpenChangesQuery } from '@/lib/queries/change-queries';
import { ApiKeysTable } from '@/components/cosigner-page/api-keys-table';
import { CosignerDetails } from '@/components/cosigner-page/cosigner-details';
import { CosignerHeader } from '@/components/cosigner-page/cosigner-header';
import { EditGateNote } from '@/components/ui/handler/edit-gate-note';
import { readPageState } from '@/components/ui/pagination/page-state';
import { toUrlSearchParams, type SearchParamsRecord } from '@/components/ui/pagination/to-url-search-params';
import { requirePageSession } from '@/lib/auth/page-guard';
import { editGateOf } from '@/lib/cosigners/edit-gate';
import { cosignerIdSchema } from '@/lib/fireblocks/upstream-schemas';
import { notFoundOr } from '@/lib/queries/not-found-or';
import { cosignerMetadata } from '@/lib/queries/page-titles';
import { fetchApiKeysPage, fetchCosigner } from '@/lib/queries/server-fetch';
import { fetchChanges } from '@/lib/queries/server-fetch-changes';

interface CosignerPageProps {
  params: Promise<{ cosignerId: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

export const generateMetadata = ({ params }: CosignerPageProps): Promise<Metadata> => cosignerMetadata(params);

/**
 * GET /cosigners/{id} — a cosigner and its API keys; admins get an edit action per key. An unknown cosigner answers
 * a real HTTP 404: so nothing may stream before the reads that find out, which is why no loading.tsx (a Suspense
 * boundary whose fallback would go out first, with status 200) wraps this page. The two reads run in parallel
 * within the prefetch budget.
 */
export default async function CosignerPage({ params, searchParams }: CosignerPageProps) {
  const { user } = await requirePageSession();
  const parsed = cosignerIdSchema.safeParse((await params).cosignerId);
  if (!parsed.success) notFound();
  const cosignerId = parsed.data;
  const state = readPageState(toUrlSearchParams(await searchParams));
  const page = { pageSize: state.pageSize, order: state.order, cursor: state.cursor };
  const [cosigner, keys, openChanges] = await notFoundOr([
    fetchCosigner(cosignerId),
    fetchApiKeysPage(cosignerId, page),
    fetchChanges(cosignerOpenChangesQuery(cosignerId)),
  ]);
  // An archived cosigner, or one too old for remote configuration, offers no Edit and says why (admins only: viewers
  // never have Edit). A cosigner that could not be read does not block: the server checks again on every change.
  const gate = cosigner.data ? editGateOf(cosigner.data) : ({ editable: true } as const);
  const admin = user.role === 'admin';
  return (
    <>
      <CosignerHeader cosigner={cosigner.data} />
      <CosignerDetails cosignerId={cosignerId} initial={cosigner} />
      {admin && !gate.editable && <EditGateNote gate={gate} />}
      <ApiKeysTable
        cosignerId={cosignerId}
        canEdit={admin && gate.editable}
        initial={{ page, ...keys }}
        initialOpenChanges={openChanges}
      />
    </>
  );
}
