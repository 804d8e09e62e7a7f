import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { EditGateNote } from '@/components/ui/handler/edit-gate-note';
import { ApiKeyHeader } from '@/components/key-page/api-key-header';
import { CallbackHandlerDetails } from '@/components/key-page/callback-handler-details';
import { isViewerEditRedirect, ViewerEditNotice } from '@/components/key-page/viewer-edit-notice';
import type { SearchParamsRecord } from '@/components/ui/pagination/to-url-search-params';
import { keyHistoryQuery, openChangeQuery } from '@/lib/queries/change-queries';
import { KeyChanges } from '@/components/changes/key-changes';
import { requirePageSession } from '@/lib/auth/page-guard';
import { inspectPublicKey } from '@/lib/callback-handler/inspect-public-key';
import { editGateOf } from '@/lib/cosigners/edit-gate';
import { apiKeyIdSchema, cosignerIdSchema } from '@/lib/fireblocks/upstream-schemas';
import { notFoundOr } from '@/lib/queries/not-found-or';
import { apiKeyMetadata } from '@/lib/queries/page-titles';
import { fetchApiKey, fetchCosigner } from '@/lib/queries/server-fetch';
import { fetchChanges } from '@/lib/queries/server-fetch-changes';

interface ApiKeyPageProps {
  params: Promise<{ cosignerId: string; apiKeyId: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

export const generateMetadata = ({ params }: ApiKeyPageProps): Promise<Metadata> => apiKeyMetadata(params, 'view');

/**
 * GET /cosigners/{c}/api-keys/{k} — one key read-only, for admins and viewers; admins get Edit. The layout above
 * answers an unknown cosigner or key with a real HTTP 404 before the skeleton (loading.tsx) streams. The page is a
 * stack of sections: the key's header, its callback handler, its open change and its history.
 */
export default async function ApiKeyPage({ params, searchParams }: ApiKeyPageProps) {
  const { user } = await requirePageSession();
  const raw = await params;
  const cosignerId = cosignerIdSchema.safeParse(raw.cosignerId);
  const apiKeyId = apiKeyIdSchema.safeParse(raw.apiKeyId);
  if (!cosignerId.success || !apiKeyId.success) notFound();
  const [key, cosigner, open, history] = await notFoundOr([
    fetchApiKey(cosignerId.data, apiKeyId.data),
    fetchCosigner(cosignerId.data),
    fetchChanges(openChangeQuery(cosignerId.data, apiKeyId.data)),
    fetchChanges(keyHistoryQuery(cosignerId.data, apiKeyId.data)),
  ]);
  const publicKey = key.data?.callbackHandler?.publicKey;
  const gate = cosigner.data ? editGateOf(cosigner.data) : ({ editable: true } as const);
  const admin = user.role === 'admin';
  const fromEdit = user.role !== 'admin' && isViewerEditRedirect(await searchParams);
  return (
    <>
      {fromEdit && <ViewerEditNotice />}
      <ApiKeyHeader
        cosignerId={cosignerId.data}
        apiKeyId={apiKeyId.data}
        cosigner={cosigner.data}
        canEdit={admin && gate.editable}
        initialOpen={open}
      />
      {admin && !gate.editable && <EditGateNote gate={gate} />}
      <CallbackHandlerDetails
        cosignerId={cosignerId.data}
        apiKeyId={apiKeyId.data}
        initialKey={key}
        initialPublicKey={
          publicKey === undefined ? undefined : { pem: publicKey, info: inspectPublicKey(publicKey).info ?? null }
        }
      />
      <KeyChanges cosignerId={cosignerId.data} apiKeyId={apiKeyId.data} initialOpen={open} initialHistory={history} />
    </>
  );
}
