import { withSession } from '@/lib/api-routes/with-session';
import { readJsonBody } from '@/lib/api-routes/read-json-body';
import { respond } from '@/lib/api-routes/respond';
import { changeActorOf } from '@/lib/changes/change-actor';
import {
  changeDecisionResponseSchema,
  changeParamsSchema,
  emptyChangeBodySchema,
  type ChangeParams,
} from '@/lib/changes/change-api-schemas';
import { getChangeContext } from '@/lib/changes/change-context';
import { changeFromRow } from '@/lib/changes/change-rows';
import { withdrawChange } from '@/lib/changes/withdraw-change';

// POST /api/changes/{changeId}/withdraw – the proposer withdraws a change awaiting approval: 200 `{ change }`;
// 403 not_proposer, 409 change_not_awaiting.
export const POST = withSession<ChangeParams>(
  async (req, { params, session, requestId }) => {
    const { changeId } = changeParamsSchema.parse(params);
    emptyChangeBodySchema.parse(await readJsonBody(req, { maxBytes: 1024 }));
    const change = await withdrawChange(getChangeContext().db, { changeId, actor: changeActorOf(session), requestId });
    return respond(changeDecisionResponseSchema, { change: changeFromRow(change) });
  },
  { role: 'admin', sameOrigin: true, requireJson: true },
);
