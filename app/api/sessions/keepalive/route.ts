import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import { sessionDeadlines } from '@/lib/auth/session';
import { sessionDeadlineResponseSchema } from '@/lib/auth/session-api-schemas';

// POST /api/sessions/keepalive – "Stay signed in": the request itself is the activity that extends the idle window
// (the wrapper records it); answers the new deadlines.
export const POST = withSession(
  (_req, { session }) => respond(sessionDeadlineResponseSchema, sessionDeadlines(session, Date.now())),
  { role: 'viewer', sameOrigin: true },
);
