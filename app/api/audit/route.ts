import { withSession } from '@/lib/api-routes/with-session';
import { queryOf } from '@/lib/api-routes/respond';
import { auditPageQuerySchema } from '@/lib/audit/audit-api-schemas';
import { readAuditPage } from '@/lib/audit/audit-page';
import { getDb } from '@/lib/db';

// GET /api/audit?kind&actor&cosignerId&apiKeyId&from&to&pageCursor&pageSize – audit events newest first, `{ data, next }`.
export const GET = withSession(
  async (req) => {
    const query = auditPageQuerySchema.parse(queryOf(req));
    return Response.json(await readAuditPage(getDb(), query));
  },
  { role: 'viewer' },
);
