import { withSession } from '@/lib/api/handler';
import { respond } from '@/lib/api/respond';
import { mySessions } from '@/lib/auth/my-sessions';
import { sessionListResponseSchema } from '@/lib/auth/session-api-schemas';

// GET /api/sessions – the signed-in user's own live sessions, the current one marked.
export const GET = withSession(
  async (_req, { session }) => respond(sessionListResponseSchema, { data: await mySessions(session) }),
  { role: 'viewer' },
);
