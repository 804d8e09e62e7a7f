'use client';

import { useQuery } from '@tanstack/react-query';

import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';
import type { WaitingChangesResponse } from './types';

/** How often the header re-reads the count while the tab is visible. */
const WAITING_REFETCH_MS = 15_000;

/**
 * How many changes wait for the signed-in user's approval: read every 15 s while the tab is visible (never in a
 * hidden tab) and again whenever the window regains focus, so a colleague's proposal shows up without a reload.
 */
export function useWaitingChanges() {
  return useQuery({
    queryKey: queryKeys.changes.waiting(),
    queryFn: ({ signal }) => fetchJson<WaitingChangesResponse>(apiPaths.waitingChanges(), { signal }),
    refetchInterval: WAITING_REFETCH_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: 'always',
  });
}
