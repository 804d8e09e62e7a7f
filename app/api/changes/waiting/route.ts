import { withSession } from '@/lib/api/handler';
import { respond } from '@/lib/api/respond';
import { waitingChangesResponseSchema } from '@/lib/changes/change-api-schemas';
import { countChangesWaitingFor } from '@/lib/changes/count-waiting';
import { getDb } from '@/lib/db';

// GET /api/changes/waiting – `{ count }` of changes awaiting the session user's approval (0 for viewers).
export const GET = withSession(
  async (_req, { session }) =>
    respond(waitingChangesResponseSchema, { count: await countChangesWaitingFor(getDb(), session.user) }),
  { role: 'viewer' },
);
