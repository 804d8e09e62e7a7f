'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { FindingsResponse } from '@/lib/findings/findings-api-schemas';
import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';

/** The workspace's findings (GET /api/findings), or one cosigner's. */
export function useFindings(cosignerId?: string) {
  return useQuery({
    queryKey: queryKeys.findings(cosignerId),
    queryFn: ({ signal }) => fetchJson<FindingsResponse>(apiPaths.findings(cosignerId), { signal }),
  });
}

/** Asks the server to walk the workspace again, and shows the findings of that walk. */
export function useRefreshFindings(cosignerId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<FindingsResponse>(apiPaths.findings(cosignerId, true)),
    onSuccess: (data) => client.setQueryData(queryKeys.findings(cosignerId), data),
  });
}
