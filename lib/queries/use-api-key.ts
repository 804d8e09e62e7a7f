'use client';

import { useQuery } from '@tanstack/react-query';

import { fetchJson } from '@/lib/api-client/fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';
import type { ApiKey, GetApiKeyResponse } from './types';

/** One API key with its live callback handler. */
export function useApiKey(cosignerId: string, apiKeyId: string, initial?: ApiKey | null) {
  return useQuery({
    queryKey: queryKeys.apiKeys.detail(cosignerId, apiKeyId),
    queryFn: async ({ signal }) =>
      (await fetchJson<GetApiKeyResponse>(apiPaths.apiKey(cosignerId, apiKeyId), { signal })).data,
    initialData: initial ?? undefined,
  });
}
