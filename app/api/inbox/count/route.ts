import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import { getDb } from '@/lib/db';
import { inboxCountResponseSchema } from '@/lib/inbox/inbox-api-schemas';
import { countInbox } from '@/lib/inbox/read-inbox';

// GET /api/inbox/count – `{ count, awaitingApproval, moved }` for the header's badge. Every page polls it in the
// background, so reading it is not activity: it must not keep an idle session alive.
export const GET = withSession(
  async (_req, { session }) => respond(inboxCountResponseSchema, await countInbox(getDb(), session)),
  { role: 'viewer', recordsActivity: false },
);
