'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';
import type { GetChangeResponse } from './types';

/**
 * An admin, having checked in Fireblocks, marks an `unknown` change as not applied (with a reason). The server
 * decides whether it may; afterwards the change and every list showing it are read again.
 */
export function useReconcileChange(changeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      fetchJson<GetChangeResponse>(apiPaths.reconcileChange(changeId), {
        method: 'POST',
        body: { outcome: 'failed', reason },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.changes.all() }),
  });
}
