'use client';

import { useQuery } from '@tanstack/react-query';

import { fetchJson } from '@/lib/api-client/fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';
import type { GetRequestStatusResponse } from './types';

/** States after which Fireblocks does nothing more with the request. */
export const TERMINAL_STATES: ReadonlySet<string> = new Set(['COMPLETED', 'REJECTED', 'CANCELLED']);

const POLL_MS = 2_000;

/** Follows an async Fireblocks request, polling until it reaches a terminal state (then stops). */
export function useRequestStatus(cosignerId: string, apiKeyId: string, requestId: string | null) {
  return useQuery({
    queryKey: queryKeys.requests.status(cosignerId, apiKeyId, requestId ?? ''),
    queryFn: async ({ signal }) =>
      (await fetchJson<GetRequestStatusResponse>(apiPaths.requestStatus(cosignerId, apiKeyId, requestId ?? ''), { signal }))
        .data,
    enabled: requestId !== null,
    staleTime: 0,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status && TERMINAL_STATES.has(status)) return false;
      // A failed poll is shown with a Retry; hammering a failing upstream helps nobody.
      return query.state.status === 'error' ? false : POLL_MS;
    },
    refetchIntervalInBackground: true,
  });
}
