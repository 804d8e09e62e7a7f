import { withSession } from '@/lib/api-routes/with-session';
import { readJsonBody } from '@/lib/api-routes/read-json-body';
import { respond } from '@/lib/api-routes/respond';
import { endMySessions } from '@/lib/auth/account-sessions';
import { revokeAllSessionsBodySchema, revokeAllSessionsResponseSchema } from '@/lib/auth/session-api-schemas';

// POST /api/sessions/revoke-all – "sign out everywhere else": ends the user's other sessions (the current one too with includeCurrent).
export const POST = withSession(
  async (req, { session, requestId }) => {
    const { includeCurrent } = revokeAllSessionsBodySchema.parse(await readJsonBody(req, { maxBytes: 1024 }));
    return respond(revokeAllSessionsResponseSchema, { ended: await endMySessions(session, includeCurrent, requestId) });
  },
  { role: 'viewer', sameOrigin: true, requireJson: true },
);
