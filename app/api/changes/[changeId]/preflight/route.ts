import { withSession } from '@/lib/api-routes/with-session';
import { enforceRateLimit, preflightLimiter } from '@/lib/api-routes/rate-limit';
import { readJsonBody } from '@/lib/api-routes/read-json-body';
import { respond } from '@/lib/api-routes/respond';
import { changeActorOf } from '@/lib/changes/change-actor';
import {
  changeParamsSchema,
  emptyChangeBodySchema,
  getChangeResponseSchema,
  type ChangeParams,
} from '@/lib/changes/change-api-schemas';
import { getChangeContext } from '@/lib/changes/change-context';
import { recheckChange } from '@/lib/changes/preflight-change';

// POST /api/changes/{changeId}/preflight – any admin checks a change's target again (its TLS, from the console's
// network; at most 5 s): 200 `{ data }`, the change as GET gives it, with the fresh `preflight`. 409
// change_not_awaiting once it no longer awaits approval; 409 conflict with PREFLIGHT=off; rate-limited like a PATCH.
export const POST = withSession<ChangeParams>(
  async (req, { params, session }) => {
    const { changeId } = changeParamsSchema.parse(params);
    emptyChangeBodySchema.parse(await readJsonBody(req, { maxBytes: 1024 }));
    await enforceRateLimit(preflightLimiter(), session.user.sub, 'pre-flight checks');
    return respond(
      getChangeResponseSchema,
      await recheckChange(getChangeContext(), { changeId, actor: changeActorOf(session) }),
    );
  },
  { role: 'admin', sameOrigin: true, requireJson: true },
);
