'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';

import type { CallbackHandlerInspection } from '@/lib/callback-handler/inspect';
import type { InspectCallbackHandlerBody } from '@/lib/callback-handler/callback-handler-schemas';
import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';

export type { CallbackHandlerInspection };

/**
 * What the server says the URL and key/certificate really are. A query (not a mutation) because it is a pure
 * read of its input: the same text is never inspected twice, and the last answer stays up while the next loads.
 * Pass null to inspect nothing (empty form). The caller debounces.
 */
export function useInspectCallbackHandler(body: InspectCallbackHandlerBody | null) {
  return useQuery({
    queryKey: queryKeys.inspect(body ?? { url: '' }),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ data: CallbackHandlerInspection }>(apiPaths.inspect(), { method: 'POST', body, signal })).data,
    enabled: body !== null,
    // Validity depends on the clock only at day granularity; a few minutes of reuse is safe.
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
