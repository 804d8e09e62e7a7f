'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { SessionDeadlineResponse } from '@/lib/auth/session-api-schemas';
import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';

/** How often the deadline is read while it matters: activity in another tab moves it. */
const POLL_MS = 15_000;

/**
 * When the session ends, read while `enabled` (a form holds unsaved input). The read does not count as activity
 * on the server, so polling it never keeps an unattended session alive. `dataUpdatedAt` is when the answer came:
 * the seconds left count down from there on this browser's clock, whatever its offset from the server's.
 */
export function useSessionDeadline(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.sessionDeadline(),
    queryFn: ({ signal }) => fetchJson<SessionDeadlineResponse>(apiPaths.sessionDeadline(), { signal }),
    enabled,
    staleTime: 0,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
}

/** "Stay signed in": a request that counts as activity; its answer is the new deadline. */
export function useKeepSessionAlive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<SessionDeadlineResponse>(apiPaths.sessionKeepalive(), { method: 'POST' }),
    onSuccess: (deadline) => queryClient.setQueryData(queryKeys.sessionDeadline(), deadline),
    // Already ended (401) or unreachable: read the deadline again, which says which.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessionDeadline() }),
  });
}
