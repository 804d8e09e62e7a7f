'use client';

import { useQuery } from '@tanstack/react-query';

import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';
import { initialDataOf, type ServerRead } from './initial-page';
import type { CosignerResponse, GetCosignerResponse } from './types';

/** One cosigner's details. */
export function useCosigner(cosignerId: string, initial?: ServerRead<CosignerResponse>) {
  return useQuery({
    queryKey: queryKeys.cosigners.detail(cosignerId),
    queryFn: async ({ signal }) =>
      (await fetchJson<GetCosignerResponse>(apiPaths.cosigner(cosignerId), { signal })).data,
    ...initialDataOf(initial),
  });
}
