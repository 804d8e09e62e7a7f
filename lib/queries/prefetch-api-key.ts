import 'server-only';

import type { QueryClient } from '@tanstack/react-query';

import { apiKeyResponseSchema } from '@/lib/cosigners/schema';
import { getFireblocks } from '@/lib/fireblocks';

import { prefetchSignal } from './prefetch-budget';
import { queryKeys } from './query-keys';

export interface PrefetchApiKeyOptions {
  queryClient: QueryClient;
  cosignerId: string;
  apiKeyId: string;
}

/** The key being edited, with its live handler, shaped as GET /api/cosigners/{c}/api-keys/{k} answers it. */
export async function prefetchApiKey({ queryClient, cosignerId, apiKeyId }: PrefetchApiKeyOptions): Promise<void> {
  await queryClient.prefetchQuery({
    queryKey: queryKeys.apiKeys.detail(cosignerId, apiKeyId),
    queryFn: async () =>
      apiKeyResponseSchema.parse((await getFireblocks().getApiKey(cosignerId, apiKeyId, { signal: prefetchSignal() })).data),
  });
}
