import { withSession } from '@/lib/api-routes/with-session';
import { queryOf, respond } from '@/lib/api-routes/respond';
import { findingsQuerySchema, findingsResponseSchema } from '@/lib/findings/findings-api-schemas';
import { getFindings } from '@/lib/findings/get-findings';

// GET /api/findings[?cosignerId=&refresh=1] – what is wrong with the workspace's callback handlers, from the shared
// key index; `{ findings, asOf }`.
export const GET = withSession(
  async (req, { session }) => {
    const { cosignerId, refresh } = findingsQuerySchema.parse(queryOf(req));
    const findings = await getFindings({ cosignerId, refresh: refresh === '1', reader: session.user.sub });
    return respond(findingsResponseSchema, findings);
  },
  { role: 'viewer' },
);
