import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import { waitingChangesResponseSchema } from '@/lib/changes/change-api-schemas';
import { countChangesWaitingFor } from '@/lib/changes/count-waiting';
import { getDb } from '@/lib/db';

// GET /api/changes/waiting – `{ count }` of changes awaiting the session user's approval (0 for viewers). Every page
// polls it in the background, so reading it is not activity: it must not keep an idle session alive.
export const GET = withSession(
  async (_req, { session }) =>
    respond(waitingChangesResponseSchema, { count: await countChangesWaitingFor(getDb(), session.user) }),
  { role: 'viewer', recordsActivity: false },
);
