import { withSession } from '@/lib/api-routes/with-session';
import { queryOf } from '@/lib/api-routes/respond';
import { auditPageQuerySchema } from '@/lib/audit/audit-api-schemas';
import { readAuditPage } from '@/lib/audit/audit-page';
import { getDb } from '@/lib/db';
import { cosignerIdsNamed } from '@/lib/search/cosigner-names';

// GET /api/audit?kind&actor&cosigner&cosignerId&apiKeyId&changeId&requestId&from&to&pageCursor&pageSize – audit events
// newest first, `{ data, next }`; 400 with `fields` for a filter that cannot be used.
export const GET = withSession(
  async (req) => {
    const query = auditPageQuerySchema.parse(queryOf(req));
    return Response.json(await readAuditPage(getDb(), query, cosignerIdsNamed));
  },
  { role: 'viewer' },
);
