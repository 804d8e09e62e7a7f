'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { initialFor, type InitialPage } from './initial-page';
import { queryKeys, type PageParams } from './query-keys';
import type { ListApiKeysResponse } from './types';

/** One page of a cosigner's API keys; the previous page stays on screen while the next one loads. */
export function useApiKeys(cosignerId: string, page: PageParams, initial?: InitialPage<ListApiKeysResponse>) {
  return useQuery({
    queryKey: queryKeys.apiKeys.list(cosignerId, page),
    queryFn: ({ signal }) => fetchJson<ListApiKeysResponse>(apiPaths.apiKeys(cosignerId, page), { signal }),
    placeholderData: keepPreviousData,
    ...initialFor(page, initial),
  });
}
