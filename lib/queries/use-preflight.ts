'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { fetchJson } from '@/lib/queries/fetch-json';
import type { ConsoleUpdateBody } from '@/lib/callback-handler/callback-handler-schemas';
import type { PreflightResponse, PreflightResult } from '@/lib/preflight/preflight-schemas';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';
import type { GetChangeResponse } from './types';

export type { PreflightResult };

/**
 * "Check again" on a change awaiting approval: the server probes its target afresh and answers the change as the
 * GET does, which replaces the one on screen at once; every list of changes is read again.
 */
export function useRecheckChange(changeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (await fetchJson<GetChangeResponse>(apiPaths.changePreflight(changeId), { method: 'POST', body: {} })).data,
    onSuccess: (change) => queryClient.setQueryData(queryKeys.changes.detail(changeId), change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.changes.all() }),
  });
}

/**
 * The edit form's "Check the handler now": the server probes the typed handler's target; nothing is recorded. A
 * mutation, not a query: each check opens a connection from the console, so it runs only when asked.
 */
export function useCheckHandler() {
  return useMutation({
    mutationFn: async (body: ConsoleUpdateBody) =>
      (await fetchJson<PreflightResponse>(apiPaths.preflight(), { method: 'POST', body })).data,
  });
}
