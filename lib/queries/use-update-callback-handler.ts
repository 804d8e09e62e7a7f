'use client';

import { useMutation } from '@tanstack/react-query';

import type { UpdateCallbackHandlerBody } from '@/lib/callback/schema';
import { fetchJson } from '@/lib/api-client/fetch-json';

import { apiPaths } from './api-paths';
import type { UpdateCallbackHandlerResult } from './types';

/**
 * PATCHes a key's callback handler. Pessimistic: nothing in the cache changes until Fireblocks has completed
 * the request; the caller follows the returned requestId and re-reads the key then (see RequestTracker).
 */
export function useUpdateCallbackHandler(cosignerId: string, apiKeyId: string) {
  return useMutation({
    mutationFn: (body: UpdateCallbackHandlerBody) =>
      fetchJson<UpdateCallbackHandlerResult>(apiPaths.apiKey(cosignerId, apiKeyId), { method: 'PATCH', body }),
  });
}
