import type { ChangesQuery, PageParams } from './query-keys';

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
  changes: (q: ChangesQuery) => `/api/changes?${changesQuery(q)}`,
  change: (changeId: string) => `/api/changes/${seg(changeId)}`,
  reconcileChange: (changeId: string) => `/api/changes/${seg(changeId)}/reconcile`,
};
