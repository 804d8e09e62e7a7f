import { withSession } from '@/lib/api-routes/with-session';
import { queryOf, respond } from '@/lib/api-routes/respond';
import { listChangesQuerySchema, listChangesResponseSchema } from '@/lib/changes/change-api-schemas';
import { listChanges } from '@/lib/changes/read-changes';
import { getDb } from '@/lib/db';

// GET /api/changes?state=open|closed|all&cosignerId&apiKeyId&pageCursor&pageSize – changes, newest first, `{ data, next }`;
// as recorded (the background worker keeps open ones up to date).
export const GET = withSession(
  async (req) => {
    const query = listChangesQuerySchema.parse(queryOf(req));
    return respond(listChangesResponseSchema, await listChanges(getDb(), query));
  },
  { role: 'viewer' },
);
