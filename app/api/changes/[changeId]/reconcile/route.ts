import { withSession } from '@/lib/api-routes/with-session';
import { readJsonBody } from '@/lib/api-routes/read-json-body';
import { respond } from '@/lib/api-routes/respond';
import { changeActorOf } from '@/lib/changes/change-actor';
import {
  changeParamsSchema,
  getChangeResponseSchema,
  reconcileChangeBodySchema,
  type ChangeParams,
} from '@/lib/changes/change-api-schemas';
import { markUnknownChangeFailed } from '@/lib/changes/mark-unknown-failed';
import { getChangeWithTimeline } from '@/lib/changes/read-changes';
import { getDb } from '@/lib/db';

// POST /api/changes/{changeId}/reconcile – an admin who checked Fireblocks marks an `unknown` change as not applied
// (body `{ outcome: 'failed', reason }`), freeing its key; `{ data }` is the change with its timeline.
export const POST = withSession<ChangeParams>(
  async (req, { params, session, requestId }) => {
    const { changeId } = changeParamsSchema.parse(params);
    const body = reconcileChangeBodySchema.parse(await readJsonBody(req, { maxBytes: 8 * 1024 }));
    const db = getDb();
    await markUnknownChangeFailed(db, { changeId, actor: changeActorOf(session), reason: body.reason, requestId });
    return respond(getChangeResponseSchema, await getChangeWithTimeline(db, changeId));
  },
  { role: 'admin', sameOrigin: true, requireJson: true },
);
