import { withSession } from '@/lib/api/handler';
import { queryOf, respond } from '@/lib/api/respond';
import { cosignerParamsSchema, listApiKeysResponseSchema, type CosignerParams } from '@/lib/cosigners/schema';
import { getFireblocks } from '@/lib/fireblocks';
import { listPageQuerySchema } from '@/lib/fireblocks/schema';

// GET /api/cosigners/{cosignerId}/api-keys?pageCursor&pageSize&order – one page of its API keys, `{ data, next }`.
export const GET = withSession<CosignerParams>(
  async (req, { params }) => {
    const { cosignerId } = cosignerParamsSchema.parse(params);
    const query = listPageQuerySchema.parse(queryOf(req));
    const { data, fireblocksRequestId } = await getFireblocks().listApiKeys(cosignerId, query, { signal: req.signal });
    return respond(listApiKeysResponseSchema, data, { fireblocksRequestId });
  },
  { role: 'viewer' },
);
