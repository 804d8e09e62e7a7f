import { withSession } from '@/lib/api-routes/with-session';
import { readJsonBody } from '@/lib/api-routes/read-json-body';
import { respond } from '@/lib/api-routes/respond';
import { changeActorOf } from '@/lib/changes/change-actor';
import {
  changeDecisionResponseSchema,
  changeParamsSchema,
  declineChangeBodySchema,
  type ChangeParams,
} from '@/lib/changes/change-api-schemas';
import { getChangeContext } from '@/lib/changes/change-context';
import { changeFromRow } from '@/lib/changes/change-rows';
import { declineChange } from '@/lib/changes/decline-change';

// POST /api/changes/{changeId}/decline – another admin declines a change awaiting approval, body `{ reason }`:
// 200 `{ change }`; 403 own_change, 409 change_not_awaiting.
export const POST = withSession<ChangeParams>(
  async (req, { params, session, requestId }) => {
    const { changeId } = changeParamsSchema.parse(params);
    const { reason } = declineChangeBodySchema.parse(await readJsonBody(req, { maxBytes: 8 * 1024 }));
    const change = await declineChange(getChangeContext().db, {
      changeId,
      actor: changeActorOf(session),
      reason,
      requestId,
    });
    return respond(changeDecisionResponseSchema, { change: changeFromRow(change) });
  },
  { role: 'admin', sameOrigin: true, requireJson: true },
);
