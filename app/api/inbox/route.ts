import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import { getDb } from '@/lib/db';
import { inboxResponseSchema } from '@/lib/inbox/inbox-api-schemas';
import { readInbox } from '@/lib/inbox/read-inbox';
import { cosignerNameLookup } from '@/lib/search/cosigner-names';

// GET /api/inbox – what needs the signed-in person: changes awaiting their approval, and their changes that moved
// since they last marked the inbox seen, each in the webhook's words. Reads only: marking seen is a POST.
export const GET = withSession(
  async (_req, { session }) =>
    respond(inboxResponseSchema, await readInbox(getDb(), session, await cosignerNameLookup())),
  { role: 'viewer' },
);
