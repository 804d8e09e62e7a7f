'use client';

import { useState } from 'react';
import { useQuery, useQueryClient, type Query } from '@tanstack/react-query';

import { isOpenChangeState } from '@/lib/change-model/states';
import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { initialDataOf, type ServerRead } from './initial-page';
import { PollSchedule } from './poll-backoff';
import { queryKeys } from './query-keys';
import type { ChangeWithTimeline, GetChangeResponse } from './types';

type ChangeQuery = Query<ChangeWithTimeline, Error, ChangeWithTimeline, ReturnType<typeof queryKeys.changes.detail>>;

const isOpen = (query: ChangeQuery) => {
  const state = query.state.data?.state;
  return state !== undefined && isOpenChangeState(state);
};

/**
 * One change with its timeline, read again while it is open: the server's background worker follows the Fireblocks
 * request (and reconciles an `unknown` change) whether or not anyone looks, and each poll here reads what it
 * recorded. Back-off 2 s doubling to 15 s while nothing changes, no polling in a hidden tab, an immediate read when
 * the tab is shown again; a closed change is never polled.
 */
export function useChange(changeId: string, initial?: ServerRead<ChangeWithTimeline>) {
  const [schedule] = useState(() => new PollSchedule());
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.changes.detail(changeId),
    // A read of a change already on screen is the page following it, not the admin doing something.
    queryFn: async ({ signal }) =>
      (
        await fetchJson<GetChangeResponse>(apiPaths.change(changeId), {
          signal,
          background: queryClient.getQueryData(queryKeys.changes.detail(changeId)) !== undefined,
        })
      ).data,
    ...initialDataOf(initial),
    refetchInterval: (query) => {
      if (!isOpen(query) || query.state.status === 'error') return false;
      const c = query.state.data;
      return schedule.nextDelayMs(
        `${c?.state}|${c?.fireblocks.lastStatus}|${c?.timeline.length}`,
        query.state.dataUpdateCount,
      );
    },
    // React Query's focus manager counts the tab being shown again as focus; 'always' reads at once however fresh.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: (query) => (isOpen(query) ? 'always' : false),
  });
}
