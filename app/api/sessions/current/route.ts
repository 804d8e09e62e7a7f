import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import { sessionDeadlines } from '@/lib/auth/session';
import { sessionDeadlineResponseSchema } from '@/lib/auth/session-api-schemas';

// GET /api/sessions/current – when the current session ends; read without counting as activity, so polling it
// never keeps an unattended session alive.
export const GET = withSession(
  (_req, { session }) => respond(sessionDeadlineResponseSchema, sessionDeadlines(session, Date.now())),
  { role: 'viewer', recordsActivity: false },
);
