import { withSession } from '@/lib/api-routes/with-session';
import { queryOf, respond } from '@/lib/api-routes/respond';
import { listCosignersResponseSchema } from '@/lib/cosigners/console-api-schemas';
import { getReadCache } from '@/lib/fireblocks';
import { listPageQuerySchema } from '@/lib/fireblocks/upstream-schemas';

// GET /api/cosigners?pageCursor&pageSize&order – one page of the workspace's cosigners, `{ data, next }`.
export const GET = withSession(
  async (req, { session }) => {
    const query = listPageQuerySchema.parse(queryOf(req));
    const { data, fireblocksRequestId, readAt } = await getReadCache().listCosigners(query, {
      signal: req.signal,
      reader: session.user.sub,
    });
    return respond(listCosignersResponseSchema, data, { fireblocksRequestId, readAt });
  },
  { role: 'viewer' },
);
