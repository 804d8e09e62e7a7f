import 'server-only';

import type { QueryClient } from '@tanstack/react-query';

import { cosignerResponseSchema, listApiKeysResponseSchema } from '@/lib/cosigners/schema';
import { getFireblocks } from '@/lib/fireblocks';

import { prefetchSignal } from './prefetch-budget';
import { queryKeys, type PageParams } from './query-keys';

export interface PrefetchCosignerOptions {
  queryClient: QueryClient;
  cosignerId: string;
  /** The page of API keys the URL asks for. */
  keysPage: PageParams;
}

/**
 * A cosigner and one page of its API keys, fetched in parallel during the server render and shaped as
 * the /api routes answer them. Failures are left to the browser's fetch, which shows them with request ids.
 */
export async function prefetchCosigner({ queryClient, cosignerId, keysPage }: PrefetchCosignerOptions): Promise<void> {
  const fireblocks = getFireblocks();
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: queryKeys.cosigners.detail(cosignerId),
      queryFn: async () =>
        cosignerResponseSchema.parse((await fireblocks.getCosigner(cosignerId, { signal: prefetchSignal() })).data),
    }),
    queryClient.prefetchQuery({
      queryKey: queryKeys.apiKeys.list(cosignerId, keysPage),
      queryFn: async () => {
        const { data } = await fireblocks.listApiKeys(
          cosignerId,
          { pageSize: keysPage.pageSize, order: keysPage.order, pageCursor: keysPage.cursor },
          { signal: prefetchSignal() },
        );
        return listApiKeysResponseSchema.parse({ data: data.data, next: data.next });
      },
    }),
  ]);
}
