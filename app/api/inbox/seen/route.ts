import { withSession } from '@/lib/api-routes/with-session';
import { readJsonBody } from '@/lib/api-routes/read-json-body';
import { respond } from '@/lib/api-routes/respond';
import { getDb } from '@/lib/db';
import { markInboxSeenBodySchema, markInboxSeenResponseSchema } from '@/lib/inbox/inbox-api-schemas';
import { markInboxSeen } from '@/lib/inbox/read-inbox';

// POST /api/inbox/seen – marks the signed-in person's inbox seen up to `through` (default now): `{ seenAt }`.
export const POST = withSession(
  async (req, { session }) => {
    const { through } = markInboxSeenBodySchema.parse(await readJsonBody(req, { maxBytes: 1024 }));
    const seenAt = await markInboxSeen(getDb(), session, through === undefined ? null : Date.parse(through));
    return respond(markInboxSeenResponseSchema, { seenAt: new Date(seenAt).toISOString() });
  },
  { role: 'viewer', sameOrigin: true, requireJson: true },
);
