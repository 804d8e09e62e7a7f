import { withSession } from '@/lib/api/handler';
import { respond } from '@/lib/api/respond';
import { getRequestStatusResponseSchema, requestStatusParamsSchema, type RequestStatusParams } from '@/lib/cosigners/schema';
import { getFireblocks } from '@/lib/fireblocks';

// GET /api/cosigners/{cosignerId}/api-keys/{apiKeyId}/requests/{requestId} – status of an async change, `{ data }`.
export const GET = withSession<RequestStatusParams>(
  async (req, { params }) => {
    const { cosignerId, apiKeyId, requestId } = requestStatusParamsSchema.parse(params);
    const { data, fireblocksRequestId } = await getFireblocks().getRequestStatus(cosignerId, apiKeyId, requestId, {
      signal: req.signal,
    });
    return respond(getRequestStatusResponseSchema, { data }, { fireblocksRequestId });
  },
  { role: 'viewer' },
);
