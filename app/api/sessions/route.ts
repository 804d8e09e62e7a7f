import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import { mySessions } from '@/lib/auth/account-sessions';
import { sessionListResponseSchema } from '@/lib/auth/session-api-schemas';

// GET /api/sessions – the signed-in user's own live sessions, the current one marked.
export const GET = withSession(
  async (_req, { session }) => respond(sessionListResponseSchema, { data: await mySessions(session) }),
  { role: 'viewer' },
);
