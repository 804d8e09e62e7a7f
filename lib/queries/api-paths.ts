import type { AuditExportFormat } from '@/lib/audit/audit-api-schemas';

import type { AuditListParams, ChangesQuery, PageParams } from './query-keys';

const seg = encodeURIComponent;

function pageQuery(p: PageParams): string {
  const q = new URLSearchParams({ pageSize: String(p.pageSize), order: p.order });
  if (p.cursor) q.set('pageCursor', p.cursor);
  return q.toString();
}

function changesQuery(c: ChangesQuery): string {
  const q = new URLSearchParams({ state: c.state, pageSize: String(c.pageSize) });
  if (c.cosignerId) q.set('cosignerId', c.cosignerId);
  if (c.apiKeyId) q.set('apiKeyId', c.apiKeyId);
  if (c.cursor) q.set('pageCursor', c.cursor);
  return q.toString();
}

/** The console's HTTP API (docs/contracts.md), one builder per route, path segments encoded. */
export const apiPaths = {
  cosigners: (p: PageParams) => `/api/cosigners?${pageQuery(p)}`,
  cosigner: (cosignerId: string) => `/api/cosigners/${seg(cosignerId)}`,
  apiKeys: (cosignerId: string, p: PageParams) => `/api/cosigners/${seg(cosignerId)}/api-keys?${pageQuery(p)}`,
  apiKey: (cosignerId: string, apiKeyId: string) => `/api/cosigners/${seg(cosignerId)}/api-keys/${seg(apiKeyId)}`,
  inspect: () => '/api/callback-handler/inspect',
  preflight: () => '/api/callback-handler/preflight',
  search: (q: string, refresh = false) => `/api/search?${new URLSearchParams({ q, ...(refresh && { refresh: '1' }) })}`,
  findings: (cosignerId?: string, refresh = false) =>
    `/api/findings?${new URLSearchParams({ ...(cosignerId && { cosignerId }), ...(refresh && { refresh: '1' }) })}`,
  audit: (p: AuditListParams) =>
    `/api/audit?${auditQuery(p.filter, { pageSize: String(p.pageSize), ...(p.cursor ? { pageCursor: p.cursor } : {}) })}`,
  auditExport: (filter: AuditListParams['filter'], format: AuditExportFormat) =>
    `/api/audit/export?${auditQuery(filter, { format })}`,
  changes: (q: ChangesQuery) => `/api/changes?${changesQuery(q)}`,
  inbox: () => '/api/inbox',
  inboxCount: () => '/api/inbox/count',
  inboxSeen: () => '/api/inbox/seen',
  change: (changeId: string) => `/api/changes/${seg(changeId)}`,
  reconcileChange: (changeId: string) => `/api/changes/${seg(changeId)}/reconcile`,
  changePreflight: (changeId: string) => `/api/changes/${seg(changeId)}/preflight`,
  decideChange: (changeId: string, decision: 'approve' | 'decline' | 'withdraw') =>
    `/api/changes/${seg(changeId)}/${decision}`,
  me: () => '/api/me',
  sessionDeadline: () => '/api/sessions/current',
  sessionKeepalive: () => '/api/sessions/keepalive',
};

/** The audit filter's parameters (set ones only, in a fixed order) and the extras of the route. */
function auditQuery(filter: AuditListParams['filter'], extra: Record<string, string>): string {
  const q = new URLSearchParams(extra);
  for (const [key, value] of Object.entries(filter)) if (value) q.set(key, value);
  return q.toString();
}
