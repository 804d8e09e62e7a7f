'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';

import type { AuditPageResponse } from '@/lib/audit/audit-api-schemas';
import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import type { ServerRead } from './initial-page';
import { queryKeys, type AuditListParams } from './query-keys';

/** What the server read for the first paint, with the page it is for (its query key). */
export interface InitialAuditPage extends ServerRead<AuditPageResponse> {
  params: AuditListParams;
}

/**
 * One page of audit events, newest first; the previous page stays on screen while the next one loads. Not read
 * while `enabled` is false (a filter the server would refuse).
 */
export function useAuditEvents(params: AuditListParams, initial?: InitialAuditPage, enabled = true) {
  const key = queryKeys.audit.list(params);
  const fromServer = initial?.data && JSON.stringify(queryKeys.audit.list(initial.params)) === JSON.stringify(key);
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchJson<AuditPageResponse>(apiPaths.audit(params), { signal }),
    placeholderData: keepPreviousData,
    enabled,
    ...(fromServer ? { initialData: initial.data!, initialDataUpdatedAt: initial.readAt } : {}),
  });
}
