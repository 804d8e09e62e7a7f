'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { SearchResponse } from '@/lib/search/search-api-schemas';
import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';

/** Search across every page (GET /api/search); off until the query is long enough for the server to take it. */
export function useSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.search(q),
    queryFn: ({ signal }) => fetchJson<SearchResponse>(apiPaths.search(q), { signal }),
    enabled,
    // The results of the previous query stay while the next one loads, instead of a flash of nothing.
    placeholderData: keepPreviousData,
  });
}

/** Asks the server to walk the workspace again for `q`, and shows what it found. */
export function useRefreshSearch(q: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<SearchResponse>(apiPaths.search(q, true)),
    onSuccess: (data) => client.setQueryData(queryKeys.search(q), data),
  });
}
