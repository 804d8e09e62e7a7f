import { withSession } from '@/lib/api-routes/with-session';
import { queryOf, respond } from '@/lib/api-routes/respond';
import { summarizeApiKeysPage } from '@/lib/cosigners/api-key-summary';
import {
  cosignerParamsSchema,
  listApiKeysResponseSchema,
  type CosignerParams,
} from '@/lib/cosigners/console-api-schemas';
import { getReadCache } from '@/lib/fireblocks';
import { listPageQuerySchema } from '@/lib/fireblocks/upstream-schemas';

// GET /api/cosigners/{cosignerId}/api-keys?pageCursor&pageSize&order – one page of its API keys, `{ data, next }`,
// each public key by its fingerprint (the PEM itself only on GET .../api-keys/{apiKeyId}).
export const GET = withSession<CosignerParams>(
  async (req, { params, session }) => {
    const { cosignerId } = cosignerParamsSchema.parse(params);
    const query = listPageQuerySchema.parse(queryOf(req));
    const { data, fireblocksRequestId, readAt } = await getReadCache().listApiKeys(cosignerId, query, {
      signal: req.signal,
      reader: session.user.sub,
    });
    return respond(listApiKeysResponseSchema, summarizeApiKeysPage(data), { fireblocksRequestId, readAt });
  },
  { role: 'viewer' },
);
