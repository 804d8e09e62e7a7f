'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';
import type { ChangeResponse } from './types';

/** What an admin can do with a change that awaits approval (docs/contracts.md, "Approvals"). */
export type ChangeDecision = 'approve' | 'decline' | 'withdraw';

/**
 * Approves (another admin: the server signs and sends it), declines (another admin, with a reason) or withdraws
 * (the proposer) a change awaiting approval. The server decides who may; afterwards every view of changes is read
 * again, whatever the answer (a refusal usually means the change moved on: stale, expired, decided by a colleague).
 */
export function useDecideChange(changeId: string, decision: ChangeDecision) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason?: string) =>
      fetchJson<{ change: ChangeResponse }>(apiPaths.decideChange(changeId, decision), {
        method: 'POST',
        body: decision === 'decline' ? { reason } : {},
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.changes.all() }),
  });
}
