import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';

import { EditCallbackHandler } from '@/components/callback-handler/edit-callback-handler';
import { prefilledUrlOf } from '@/components/callback-handler/form-start';
import { resubmitPrefillOf } from '@/components/callback-handler/resubmit-prefill';
import { openChangeQuery } from '@/lib/queries/change-queries';
import { VIEWER_EDIT_PARAM } from '@/components/key-page/viewer-edit-notice';
import { requirePageSession } from '@/lib/auth/page-guard';
import { changeParamsSchema } from '@/lib/changes/change-api-schemas';
import { getConfig } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { readPinnedCertificate } from '@/lib/findings/certs-on-record';
import { apiKeyIdSchema, cosignerIdSchema } from '@/lib/fireblocks/upstream-schemas';
import { notFoundOr } from '@/lib/queries/not-found-or';
import { apiKeyMetadata } from '@/lib/queries/page-titles';
import { fetchApiKey, fetchCosigner } from '@/lib/queries/server-fetch';
import { fetchChange, fetchChanges } from '@/lib/queries/server-fetch-changes';
import { keyPagePath } from '@/lib/page-paths';

interface EditPageProps {
  params: Promise<{ cosignerId: string; apiKeyId: string }>;
  /**
   * `url`: the URL field starts with it (the findings' one-click fix). `from`: a closed change of this key to open as
   * a new one, its values filled in (resubmit).
   */
  searchParams: Promise<{ url?: string | string[]; from?: string | string[] }>;
}

export const generateMetadata = ({ params }: EditPageProps): Promise<Metadata> => apiKeyMetadata(params, 'edit');

/**
 * GET /cosigners/{c}/api-keys/{k}/edit — admins only: change the key's callback handler. The layouts above answer
 * an unknown key with a real 404 and send a viewer to the read-only key page, before the form's skeleton
 * (loading.tsx) streams; the reads here come from React's per-request cache. Next.js renders a page alongside its
 * layouts, so the role is checked here too, before any read.
 */
export default async function EditCallbackHandlerPage({ params, searchParams }: EditPageProps) {
  const { user } = await requirePageSession();
  const raw = await params;
  const cosignerId = cosignerIdSchema.safeParse(raw.cosignerId);
  const apiKeyId = apiKeyIdSchema.safeParse(raw.apiKeyId);
  if (!cosignerId.success || !apiKeyId.success) notFound();
  if (user.role !== 'admin') redirect(`${keyPagePath(cosignerId.data, apiKeyId.data)}?${VIEWER_EDIT_PARAM}`);
  const query = await searchParams;
  const from = changeParamsSchema.safeParse({ changeId: query.from });
  const [initialKey, initialCosigner, initialOpenChange] = await notFoundOr([
    fetchApiKey(cosignerId.data, apiKeyId.data),
    fetchCosigner(cosignerId.data),
    fetchChanges(openChangeQuery(cosignerId.data, apiKeyId.data)),
  ]);
  // A `from` that is no change of this key that ended unapplied fills nothing in: the form starts as usual.
  const fromChange = from.success ? await fetchChange(from.data.changeId) : null;
  const prefill = resubmitPrefillOf(fromChange?.data, { cosignerId: cosignerId.data, apiKeyId: apiKeyId.data });
  const certPublicKeyHash = initialKey.data?.callbackHandler?.certPublicKeyHash;
  const pinnedCert = certPublicKeyHash
    ? await readPinnedCertificate(getDb(), { cosignerId: cosignerId.data, apiKeyId: apiKeyId.data, certPublicKeyHash })
    : null;
  return (
    <EditCallbackHandler
      cosignerId={cosignerId.data}
      apiKeyId={apiKeyId.data}
      allowLoopbackHttp={getConfig().fireblocks.simulated}
      prefillUrl={prefilledUrlOf(query.url)}
      approvals={getConfig().changes.approvals === 1}
      initialKey={initialKey}
      initialCosigner={initialCosigner}
      initialOpenChange={initialOpenChange}
      prefill={prefill ?? undefined}
      pinnedCert={pinnedCert ?? undefined}
    />
  );
}
