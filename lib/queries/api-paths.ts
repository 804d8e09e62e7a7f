import type { PageParams } from './query-keys';

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
};
