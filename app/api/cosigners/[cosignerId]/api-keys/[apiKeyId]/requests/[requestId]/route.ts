import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import {
  getRequestStatusResponseSchema,
  requestStatusParamsSchema,
  type RequestStatusParams,
} from '@/lib/cosigners/console-api-schemas';
import { getFireblocks, getReadBudget } from '@/lib/fireblocks';

// GET /api/cosigners/{cosignerId}/api-keys/{apiKeyId}/requests/{requestId} – status of an async change, `{ data }`,
// read from Fireblocks; it records nothing (the background worker follows the console's changes).
export const GET = withSession<RequestStatusParams>(
  async (req, { params, session }) => {
    const { cosignerId, apiKeyId, requestId } = requestStatusParamsSchema.parse(params);
    // Uncached (a status moves), so every call reaches Fireblocks: taken from the reader's budget.
    await getReadBudget().take(session.user.sub);
    const { data, fireblocksRequestId } = await getFireblocks().getRequestStatus(cosignerId, apiKeyId, requestId, {
      signal: req.signal,
    });
    return respond(getRequestStatusResponseSchema, { data }, { fireblocksRequestId });
  },
  { role: 'viewer' },
);
