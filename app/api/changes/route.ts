import { withSession } from '@/lib/api-routes/with-session';
import { queryOf, respond } from '@/lib/api-routes/respond';
import { listChangesQuerySchema, listChangesResponseSchema } from '@/lib/changes/change-api-schemas';
import { getChangeContext } from '@/lib/changes/change-context';
import { listChanges } from '@/lib/changes/read-changes';

// GET /api/changes?state=open|closed|all&cosignerId&apiKeyId&pageCursor&pageSize – changes, newest first, `{ data, next }`.
export const GET = withSession(
  async (req) => {
    const query = listChangesQuerySchema.parse(queryOf(req));
    return respond(listChangesResponseSchema, await listChanges(getChangeContext(), query));
  },
  { role: 'viewer' },
);
