'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { initialFor, type InitialPage } from './initial-page';
import { queryKeys, type PageParams } from './query-keys';
import type { ListCosignersResponse } from './types';

/** One page of cosigners; the previous page stays on screen while the next one loads. */
export function useCosigners(page: PageParams, initial?: InitialPage<ListCosignersResponse>) {
  return useQuery({
    queryKey: queryKeys.cosigners.list(page),
    queryFn: ({ signal }) => fetchJson<ListCosignersResponse>(apiPaths.cosigners(page), { signal }),
    placeholderData: keepPreviousData,
    ...initialFor(page, initial),
  });
}
