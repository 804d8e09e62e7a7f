import { withSession } from '@/lib/api-routes/with-session';
import { queryOf } from '@/lib/api-routes/respond';
import { auditExportQuerySchema } from '@/lib/audit/audit-api-schemas';
import { exportAuditEvents } from '@/lib/audit/export';
import { getDb } from '@/lib/db';
import { cosignerIdsNamed } from '@/lib/search/cosigner-names';

// GET /api/audit/export?format=jsonl|csv&<the filters of /api/audit> – the matching events in seq order, streamed as a download.
export const GET = withSession(
  async (req) => {
    const query = auditExportQuerySchema.parse(queryOf(req));
    const out = await exportAuditEvents(getDb(), query, cosignerIdsNamed);
    return new Response(out.body, {
      headers: { 'Content-Type': out.contentType, 'Content-Disposition': `attachment; filename="${out.fileName}"` },
    });
  },
  { role: 'viewer' },
);
