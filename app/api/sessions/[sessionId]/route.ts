import { withSession } from '@/lib/api-routes/with-session';
import { endMySession } from '@/lib/auth/account-sessions';

// DELETE /api/sessions/{sessionId} – ends one of the signed-in user's own sessions (by its public handle).
export const DELETE = withSession<{ sessionId: string }>(
  async (_req, { params, session, requestId }) => {
    await endMySession(session, params.sessionId, requestId);
    return new Response(null, { status: 204 });
  },
  { role: 'viewer', sameOrigin: true },
);
