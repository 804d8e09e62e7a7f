import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';

import { apiKeyIdSchema, cosignerIdSchema } from '@/lib/fireblocks/upstream-schemas';
import { notFoundOr } from '@/lib/queries/not-found-or';
import { fetchApiKey, fetchCosigner } from '@/lib/queries/server-fetch';

interface ApiKeyLayoutProps {
  children: ReactNode;
  params: Promise<{ cosignerId: string; apiKeyId: string }>;
}

/**
 * The key page and its edit page. The ids are checked and the key and its cosigner read here, above both pages'
 * loading skeletons, so that an unknown one is a real HTTP 404: once a skeleton has streamed, the status has gone out
 * as 200. The pages read the same key and cosigner again from React's per-request cache.
 */
export default async function ApiKeyLayout({ children, params }: ApiKeyLayoutProps) {
  const raw = await params;
  const cosignerId = cosignerIdSchema.safeParse(raw.cosignerId);
  const apiKeyId = apiKeyIdSchema.safeParse(raw.apiKeyId);
  if (!cosignerId.success || !apiKeyId.success) notFound();
  await notFoundOr([fetchApiKey(cosignerId.data, apiKeyId.data), fetchCosigner(cosignerId.data)]);
  return children;
}
