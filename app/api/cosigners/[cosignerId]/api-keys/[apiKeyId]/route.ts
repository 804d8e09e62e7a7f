import { withSession } from '@/lib/api/handler';
import { callbackUpdateLimiter, enforceRateLimit } from '@/lib/api/rate-limit';
import { MAX_CALLBACK_BODY_BYTES, readJsonBody } from '@/lib/api/read-json-body';
import { respond } from '@/lib/api/respond';
import { validateCallbackHandler } from '@/lib/callback/validate';
import { getConfig } from '@/lib/config/env';
import { apiKeyParamsSchema, getApiKeyResponseSchema, updateCallbackHandlerResultSchema, type ApiKeyParams } from '@/lib/cosigners/schema';
import { getFireblocks } from '@/lib/fireblocks';

// GET /api/cosigners/{cosignerId}/api-keys/{apiKeyId} – one API key with its callback handler, `{ data }`.
export const GET = withSession<ApiKeyParams>(
  async (req, { params }) => {
    const { cosignerId, apiKeyId } = apiKeyParamsSchema.parse(params);
    const { data, fireblocksRequestId } = await getFireblocks().getApiKey(cosignerId, apiKeyId, { signal: req.signal });
    return respond(getApiKeyResponseSchema, { data }, { fireblocksRequestId });
  },
  { role: 'viewer' },
);

// PATCH /api/cosigners/{cosignerId}/api-keys/{apiKeyId} – admin changes the key's callback handler; 202 with the
// async requestId to poll. Everything is checked before the rate limit and before anything goes upstream.
export const PATCH = withSession<ApiKeyParams>(
  async (req, { params, session }) => {
    const { cosignerId, apiKeyId } = apiKeyParamsSchema.parse(params);
    const raw = await readJsonBody(req, { maxBytes: MAX_CALLBACK_BODY_BYTES });
    const body = validateCallbackHandler(raw, { allowLoopbackHttp: getConfig().fireblocks.simulated });
    enforceRateLimit(callbackUpdateLimiter, session.user.sub);
    // No abort signal: once sent, the change may be accepted upstream, and the admin must get its requestId.
    const { data, requestId, fireblocksRequestId } = await getFireblocks().updateCallbackHandler(cosignerId, apiKeyId, body);
    return respond(updateCallbackHandlerResultSchema, { data, requestId, fireblocksRequestId }, { status: 202, fireblocksRequestId });
  },
  { role: 'admin', sameOrigin: true, requireJson: true },
);
