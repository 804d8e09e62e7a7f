import { withSession } from '@/lib/api-routes/with-session';
import { readJsonBody } from '@/lib/api-routes/read-json-body';
import { respond } from '@/lib/api-routes/respond';
import { changeActorOf } from '@/lib/changes/change-actor';
import {
  sentChangeResponseSchema,
  changeParamsSchema,
  emptyChangeBodySchema,
  type ChangeParams,
} from '@/lib/changes/change-api-schemas';
import { getChangeContext } from '@/lib/changes/change-context';
import { changeFromRow } from '@/lib/changes/change-rows';
import { approveChange } from '@/lib/changes/approve-change';
import { getConfig } from '@/lib/config/env';
import { acceptingChanges } from '@/lib/lifecycle/drain';

// POST /api/changes/{changeId}/approve – another admin, freshly signed in, approves a change and it is sent: 202
// `{ change, requestId, fireblocksRequestId }`; 401 step_up_required (error.stepUpUrl), 403 own_change, 409
// change_stale or change_not_awaiting (error.changeId); 409 preflight_failed when the target's fresh check fails
// with PREFLIGHT=block (the change still awaits approval, the check kept on it); 503 draining while this replica
// shuts down.
export const POST = withSession<ChangeParams>(
  async (req, { params, session, requestId }) => {
    const { changeId } = changeParamsSchema.parse(params);
    emptyChangeBodySchema.parse(await readJsonBody(req, { maxBytes: 1024 }));
    // No abort signal: once approved, the change is sent and its outcome recorded whether or not the admin waits.
    const sent = await acceptingChanges(() =>
      approveChange(getChangeContext(), {
        changeId,
        actor: changeActorOf(session),
        authTime: session.authTime,
        stepUpMaxAgeSeconds: getConfig().changes.stepUpMaxAgeSeconds,
        requestId,
      }),
    );
    const { fireblocksRequestId } = sent;
    return respond(
      sentChangeResponseSchema,
      { change: changeFromRow(sent.change), requestId: sent.requestId, fireblocksRequestId },
      { status: 202, fireblocksRequestId },
    );
  },
  { role: 'admin', sameOrigin: true, requireJson: true },
);
