import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import { changeParamsSchema, getChangeResponseSchema, type ChangeParams } from '@/lib/changes/change-api-schemas';
import { getChangeWithTimeline } from '@/lib/changes/read-changes';
import { getDb } from '@/lib/db';

// GET /api/changes/{changeId} – one change with its timeline, `{ data }`, as recorded (the background worker follows it).
export const GET = withSession<ChangeParams>(
  async (_req, { params }) => {
    const { changeId } = changeParamsSchema.parse(params);
    return respond(getChangeResponseSchema, await getChangeWithTimeline(getDb(), changeId));
  },
  { role: 'viewer' },
);
