import type { AuditExportFormat } from '@/lib/audit/audit-api-schemas';

import type { AuditListParams, PageParams } from './query-keys';

const seg = encodeURIComponent;

function pageQuery(p: PageParams): string {
  const q = new URLSearchParams({ pageSize: String(p.pageSize), order: p.order });
  if (p.cursor) q.set('pageCursor', p.cursor);
  return q.toString();
}

/** The console's HTTP API (docs/contracts.md), one builder per route, path segments encoded. */
export const apiPaths = {
  cosigners: (p: PageParams) => `/api/cosigners?${pageQuery(p)}`,
  cosigner: (cosignerId: string) => `/api/cosigners/${seg(cosignerId)}`,
  apiKeys: (cosignerId: string, p: PageParams) => `/api/cosigners/${seg(cosignerId)}/api-keys?${pageQuery(p)}`,
  apiKey: (cosignerId: string, apiKeyId: string) => `/api/cosigners/${seg(cosignerId)}/api-keys/${seg(apiKeyId)}`,
  requestStatus: (cosignerId: string, apiKeyId: string, requestId: string) =>
    `/api/cosigners/${seg(cosignerId)}/api-keys/${seg(apiKeyId)}/requests/${seg(requestId)}`,
  inspect: () => '/api/callback-handler/inspect',
  audit: (p: AuditListParams) => `/api/audit?${auditQuery(p.filter, { pageSize: String(p.pageSize), ...(p.cursor ? { pageCursor: p.cursor } : {}) })}`,
  auditExport: (filter: AuditListParams['filter'], format: AuditExportFormat) => `/api/audit/export?${auditQuery(filter, { format })}`,
};

/** The audit filter's parameters (set ones only, in a fixed order) and the extras of the route. */
function auditQuery(filter: AuditListParams['filter'], extra: Record<string, string>): string {
  const q = new URLSearchParams(extra);
  for (const [key, value] of Object.entries(filter)) if (value) q.set(key, value);
  return q.toString();
}
