import 'server-only';

import type { AuditFilter, AuditPageResponse } from '@/lib/audit/audit-api-schemas';
import { readAuditPage } from '@/lib/audit/audit-page';
import { getDb } from '@/lib/db';
import { cosignerIdsNamed } from '@/lib/search/cosigner-names';

import type { ServerRead } from './initial-page';

/**
 * The /audit page's first paint, read on the server with what `GET /api/audit` runs. Any failure (a stale cursor
 * in a link, the database away) gives null data: the browser then asks /api and shows the error with its request id.
 */
export async function fetchAuditPage(params: {
  filter: AuditFilter;
  pageSize: number;
  cursor?: string;
}): Promise<ServerRead<AuditPageResponse>> {
  try {
    const data = await readAuditPage(
      getDb(),
      { ...params.filter, pageSize: params.pageSize, pageCursor: params.cursor },
      cosignerIdsNamed,
    );
    return { data, readAt: Date.now() };
  } catch {
    return { data: null, readAt: Date.now() };
  }
}
