import { Suspense } from 'react';

import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';

import { EditCallbackHandler } from '@/components/callback-handler/edit-callback-handler';
import { EditCallbackHandlerSkeleton } from '@/components/callback-handler/edit-callback-handler-skeleton';
import { requirePageSession } from '@/lib/auth/guard';
import { getConfig } from '@/lib/config/env';
import { apiKeyIdSchema, cosignerIdSchema } from '@/lib/fireblocks/schema';
import { notFoundOr } from '@/lib/queries/not-found-or';
import { fetchApiKey, fetchCosigner } from '@/lib/queries/server-fetch';

export const metadata: Metadata = { title: 'Change callback handler' };

interface EditPageProps {
  params: Promise<{ cosignerId: string; apiKeyId: string }>;
}

/**
 * GET /cosigners/{c}/api-keys/{k}/edit — admins only: change the key's callback handler. A viewer (a shared link, a
 * bookmark) is sent to the read-only key page instead.
 *
 * The role check and the id checks run before any Suspense boundary, so their notFound() is a real HTTP 404:
 * once a loading fallback has streamed, the status is already sent as 200. That is why no loading.tsx wraps this
 * route (the cosigners list and the cosigner page keep theirs inside route groups) and the skeleton is this
 * page's own boundary, around the upstream reads only.
 */
export default async function EditCallbackHandlerPage({ params }: EditPageProps) {
  const { user } = await requirePageSession();
  const raw = await params;
  const cosignerId = cosignerIdSchema.safeParse(raw.cosignerId);
  const apiKeyId = apiKeyIdSchema.safeParse(raw.apiKeyId);
  if (!cosignerId.success || !apiKeyId.success) notFound();
  if (user.role !== 'admin') redirect(`/cosigners/${encodeURIComponent(cosignerId.data)}/api-keys/${encodeURIComponent(apiKeyId.data)}`);
  return (
    <Suspense fallback={<EditCallbackHandlerSkeleton />}>
      <EditCallbackHandlerLoaded cosignerId={cosignerId.data} apiKeyId={apiKeyId.data} />
    </Suspense>
  );
}

async function EditCallbackHandlerLoaded({ cosignerId, apiKeyId }: { cosignerId: string; apiKeyId: string }) {
  const [initialKey, initialCosigner] = await notFoundOr([fetchApiKey(cosignerId, apiKeyId), fetchCosigner(cosignerId)]);
  return (
    <EditCallbackHandler
      cosignerId={cosignerId}
      apiKeyId={apiKeyId}
      allowLoopbackHttp={getConfig().fireblocks.simulated}
      initialKey={initialKey}
      initialCosigner={initialCosigner}
    />
  );
}
