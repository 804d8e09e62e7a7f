'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ConsoleUpdateBody } from '@/lib/callback-handler/callback-handler-schemas';
import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';
import type { ProposeChangeResponse } from './types';

/**
 * PATCHes a key's callback handler: the server records a change and sends it. Pessimistic: the key's cache stays
 * as it is until the change completes (its page re-reads the key then); every list of changes is read again, as
 * this one now holds the key (or, on 409, another one does).
 */
export function useUpdateCallbackHandler(cosignerId: string, apiKeyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsoleUpdateBody) =>
      fetchJson<ProposeChangeResponse>(apiPaths.apiKey(cosignerId, apiKeyId), { method: 'PATCH', body }),
    // Not awaited: the caller moves on to the change's page at once.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.changes.all() }),
  });
}
