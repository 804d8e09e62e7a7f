import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import { changeParamsSchema, getChangeResponseSchema, type ChangeParams } from '@/lib/changes/change-api-schemas';
import { getChangeContext } from '@/lib/changes/change-context';
import { getChangeWithTimeline } from '@/lib/changes/read-changes';

// GET /api/changes/{changeId} – one change with its timeline, `{ data }`; an open one is brought up to date first.
export const GET = withSession<ChangeParams>(
  async (_req, { params }) => {
    const { changeId } = changeParamsSchema.parse(params);
    return respond(getChangeResponseSchema, await getChangeWithTimeline(getChangeContext(), changeId));
  },
  { role: 'viewer' },
);
