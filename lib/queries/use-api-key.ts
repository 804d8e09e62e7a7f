'use client';

import { useQuery } from '@tanstack/react-query';

import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';
import { initialDataOf, type ServerRead } from './initial-page';
import type { ApiKeyResponse, GetApiKeyResponse } from './types';

export interface UseApiKeyOptions {
  /**
   * The edit form is open on this key: no refetch because the tab regained focus. The form takes its starting values
   * once and never from a refetch, and a focus refetch would only make the "current handler" above it move
   * while the admin types (it stays off here even if the app-wide default changes).
   */
  editing?: boolean;
}

/** One API key with its live callback handler (the full PEM: only this single-key read carries it). */
export function useApiKey(
  cosignerId: string,
  apiKeyId: string,
  initial?: ServerRead<ApiKeyResponse>,
  options: UseApiKeyOptions = {},
) {
  return useQuery({
    queryKey: queryKeys.apiKeys.detail(cosignerId, apiKeyId),
    queryFn: async ({ signal }) =>
      (await fetchJson<GetApiKeyResponse>(apiPaths.apiKey(cosignerId, apiKeyId), { signal })).data,
    ...initialDataOf(initial),
    ...(options.editing ? { refetchOnWindowFocus: false } : {}),
  });
}
