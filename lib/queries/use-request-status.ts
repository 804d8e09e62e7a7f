'use client';

import { useRef } from 'react';
import { useQuery } from '@tanstack/react-query';

import { fetchJson } from '@/lib/api-client/fetch-json';

import { apiPaths } from './api-paths';
import { nextPollDelayMs } from './poll-backoff';
import { queryKeys } from './query-keys';
import type { GetRequestStatusResponse } from './types';

/** States after which Fireblocks does nothing more with the request. */
export const TERMINAL_STATES: ReadonlySet<string> = new Set(['COMPLETED', 'REJECTED', 'CANCELLED']);

/**
 * Follows an async Fireblocks request until it reaches a terminal state (then stops). Polls back off from 2 s to a
 * minute while the state stays the same, stop while the tab is hidden, and resume with an immediate read when the
 * tab is shown or focused again: a request can wait hours for approval, and each poll is a signed Fireblocks call.
 */
export function useRequestStatus(cosignerId: string, apiKeyId: string, requestId: string | null) {
  // The state last seen and the successful-read count when it first appeared: polls since then set the back-off.
  const lastChange = useRef<{ status: string | undefined; atRead: number }>({ status: undefined, atRead: 0 });
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
      if (query.state.status === 'error') return false;
      const reads = query.state.dataUpdateCount;
      if (status !== lastChange.current.status) lastChange.current = { status, atRead: reads };
      return nextPollDelayMs(reads - lastChange.current.atRead);
    },
    // Hidden tab: no polling. React Query's focus manager counts the tab being shown again as focus, and since the
    // status is always stale, that refetches at once (the app-wide default turns focus refetches off).
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: (query) => !TERMINAL_STATES.has(query.state.data?.status ?? ''),
  });
}
