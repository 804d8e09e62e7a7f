import 'server-only';

import type { QueryClient } from '@tanstack/react-query';

import { listCosignersResponseSchema } from '@/lib/cosigners/schema';
import { getFireblocks } from '@/lib/fireblocks';

import { prefetchSignal } from './prefetch-budget';
import { queryKeys, type PageParams } from './query-keys';

export interface PrefetchCosignersOptions {
  queryClient: QueryClient;
  page: PageParams;
}

/**
 * Puts the first page of cosigners in the cache during the server render, shaped exactly as
 * GET /api/cosigners answers (same response schema), so the browser hydrates rows instead of fetching.
 * A failure is swallowed by prefetchQuery: the browser then fetches and shows the error properly.
 */
export async function prefetchCosigners({ queryClient, page }: PrefetchCosignersOptions): Promise<void> {
  await queryClient.prefetchQuery({
    queryKey: queryKeys.cosigners.list(page),
    queryFn: async () => {
      const { data } = await getFireblocks().listCosigners(
        { pageSize: page.pageSize, order: page.order, pageCursor: page.cursor },
        { signal: prefetchSignal() },
      );
      return listCosignersResponseSchema.parse({ data: data.data, next: data.next });
    },
  });
}
