import { withSession } from '@/lib/api-routes/with-session';
import { enforceRateLimit, preflightLimiter } from '@/lib/api-routes/rate-limit';
import { MAX_CALLBACK_BODY_BYTES, readJsonBody } from '@/lib/api-routes/read-json-body';
import { respond } from '@/lib/api-routes/respond';
import { certPublicKeyHash } from '@/lib/callback-handler/fingerprint';
import { validateCallbackHandler } from '@/lib/callback-handler/validate';
import { getConfig } from '@/lib/config/env';
import { preflightOff, preflightPolicyOf } from '@/lib/preflight/preflight-policy';
import { preflightResponseSchema } from '@/lib/preflight/preflight-schemas';

// POST /api/callback-handler/preflight – the edit form's "Check the handler now": checks a typed handler's target
// (its TLS, from the console's network; at most 5 s) before anything is proposed. Body as the PATCH's
// (`{ callbackHandler: { url, publicKey | cert } }`; a `reason` is not used), validated the same way first (400).
// 200 `{ data }`, the check; nothing is recorded. Admin only, rate-limited like a PATCH; 409 conflict with
// PREFLIGHT=off.
export const POST = withSession(
  async (req, { session }) => {
    const raw = await readJsonBody(req, { maxBytes: MAX_CALLBACK_BODY_BYTES });
    const config = getConfig();
    const { callbackHandler } = validateCallbackHandler(raw, { allowLoopbackHttp: config.fireblocks.simulated });
    const policy = preflightPolicyOf(config);
    if (policy.mode === 'off') throw preflightOff();
    await enforceRateLimit(preflightLimiter(), session.user.sub, 'pre-flight checks');
    const data = await policy.check(
      callbackHandler.cert !== undefined
        ? { url: callbackHandler.url, mode: 'cert', pinnedSpkiSha256: certPublicKeyHash(callbackHandler.cert) }
        : { url: callbackHandler.url, mode: 'publicKey' },
    );
    return respond(preflightResponseSchema, { data });
  },
  { role: 'admin', sameOrigin: true, requireJson: true },
);
