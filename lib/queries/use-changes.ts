'use client';

import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';

import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { initialDataOf, type ServerRead } from './initial-page';
import { PollSchedule } from './poll-backoff';
import { queryKeys, type ChangesQuery } from './query-keys';
import type { ListChangesResponse } from './types';

export interface UseChangesOptions {
  /** Keep reading while the page is shown (back-off as for one change), so others' changes appear without a reload. */
  follow?: boolean;
}

/** A page of changes, newest first; the previous page stays on screen while the next one loads. */
export function useChanges(
  query: ChangesQuery,
  initial?: ServerRead<ListChangesResponse>,
  options: UseChangesOptions = {},
) {
  const [schedule] = useState(() => new PollSchedule());
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.changes.list(query),
    // Followed, a list already on screen is read again by the page itself, not on the admin's action.
    queryFn: ({ signal }) =>
      fetchJson<ListChangesResponse>(apiPaths.changes(query), {
        signal,
        background: Boolean(options.follow) && queryClient.getQueryData(queryKeys.changes.list(query)) !== undefined,
      }),
    placeholderData: keepPreviousData,
    ...initialDataOf(initial),
    refetchInterval: options.follow
      ? (q) => {
          if (q.state.status === 'error') return false;
          const rows = q.state.data?.data ?? [];
          return schedule.nextDelayMs(rows.map((c) => `${c.id}:${c.state}`).join(','), q.state.dataUpdateCount);
        }
      : false,
    refetchIntervalInBackground: false,
    ...(options.follow ? { refetchOnWindowFocus: 'always' as const } : {}),
  });
}
