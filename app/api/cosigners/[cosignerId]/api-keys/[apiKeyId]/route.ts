import { withSession } from '@/lib/api-routes/with-session';
import { callbackUpdateLimiter, enforceRateLimit } from '@/lib/api-routes/rate-limit';
import { MAX_CALLBACK_BODY_BYTES, readJsonBody } from '@/lib/api-routes/read-json-body';
import { respond } from '@/lib/api-routes/respond';
import { validateCallbackHandler } from '@/lib/callback-handler/validate';
import { changeActorOf } from '@/lib/changes/change-actor';
import { proposeChangeResponseSchema, sentChangeResponseSchema } from '@/lib/changes/change-api-schemas';
import { getChangeContext } from '@/lib/changes/change-context';
import { changeFromRow } from '@/lib/changes/change-rows';
import { proposeChange } from '@/lib/changes/propose-change';
import { getConfig } from '@/lib/config/env';
import { namedApiKey } from '@/lib/cosigners/api-key-summary';
import { getApiUserNames } from '@/lib/cosigners/api-user-names';
import { apiKeyParamsSchema, getApiKeyResponseSchema, type ApiKeyParams } from '@/lib/cosigners/console-api-schemas';
import { getReadCache } from '@/lib/fireblocks';
import { acceptingChanges } from '@/lib/lifecycle/drain';

// GET /api/cosigners/{cosignerId}/api-keys/{apiKeyId} – one API key with its callback handler and its API user,
// `{ data, apiUsers }`.
export const GET = withSession<ApiKeyParams>(
  async (req, { params, session }) => {
    const { cosignerId, apiKeyId } = apiKeyParamsSchema.parse(params);
    const [{ data, fireblocksRequestId, readAt }, names] = await Promise.all([
      getReadCache().getApiKey(cosignerId, apiKeyId, { signal: req.signal, reader: session.user.sub }),
      getApiUserNames(),
    ]);
    return respond(getApiKeyResponseSchema, namedApiKey(data, names), { fireblocksRequestId, readAt });
  },
  { role: 'viewer' },
);

// PATCH /api/cosigners/{cosignerId}/api-keys/{apiKeyId} – admin changes the key's callback handler: recorded as a
// change. With CHANGE_APPROVALS=1 (the default) it waits for another admin: 201 `{ change }` (awaiting_approval),
// nothing sent. With 0 it is sent at once: 202 `{ change, requestId, fireblocksRequestId }`. Either way the target is
// checked first (`change.preflight`); with 0 and PREFLIGHT=block a failing check is 409 preflight_failed, nothing
// recorded or sent. 409 change_open while the key has an open change; 503 draining while this replica shuts down;
// 409 cosigner_archived / cosigner_version_too_old when the cosigner cannot take the change (read first: nothing is
// recorded or sent then). Everything is checked before the rate limit and before
// anything is recorded or goes upstream.
export const PATCH = withSession<ApiKeyParams>(
  async (req, { params, session, requestId }) => {
    const { cosignerId, apiKeyId } = apiKeyParamsSchema.parse(params);
    const raw = await readJsonBody(req, { maxBytes: MAX_CALLBACK_BODY_BYTES });
    const config = getConfig();
    const body = validateCallbackHandler(raw, { allowLoopbackHttp: config.fireblocks.simulated });
    const proposed = await acceptingChanges(async () => {
      await enforceRateLimit(callbackUpdateLimiter(), session.user.sub);
      // No abort signal: once recorded, the change is sent and its outcome recorded whether or not the admin waits.
      return proposeChange(getChangeContext(), {
        cosignerId,
        apiKeyId,
        callbackHandler: body.callbackHandler,
        reason: body.reason,
        actor: changeActorOf(session),
        requestId,
        approvals: config.changes.approvals,
        ttlMs: config.changes.ttlMs,
      });
    });
    if (!proposed.sent) {
      return respond(proposeChangeResponseSchema, { change: changeFromRow(proposed.change) }, { status: 201 });
    }
    const { fireblocksRequestId } = proposed;
    return respond(
      sentChangeResponseSchema,
      { change: changeFromRow(proposed.change), requestId: proposed.requestId, fireblocksRequestId },
      { status: 202, fireblocksRequestId },
    );
  },
  { role: 'admin', sameOrigin: true, requireJson: true },
);
