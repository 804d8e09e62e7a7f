import { withSession } from '@/lib/api-routes/with-session';
import { queryOf, respond } from '@/lib/api-routes/respond';
import { summarizeApiKeysPage } from '@/lib/cosigners/api-key-summary';
import { getApiUserNames } from '@/lib/cosigners/api-user-names';
import {
  cosignerParamsSchema,
  listApiKeysResponseSchema,
  type CosignerParams,
} from '@/lib/cosigners/console-api-schemas';
import { getReadCache } from '@/lib/fireblocks';
import { listPageQuerySchema } from '@/lib/fireblocks/upstream-schemas';

// GET /api/cosigners/{cosignerId}/api-keys?pageCursor&pageSize&order – one page of its API keys, `{ data, next,
// apiUsers }`, each public key by its fingerprint (the PEM itself only on GET .../api-keys/{apiKeyId}) and each key's
// API user by name (`apiUsers` says once when names could not be read, and why).
export const GET = withSession<CosignerParams>(
  async (req, { params, session }) => {
    const { cosignerId } = cosignerParamsSchema.parse(params);
    const query = listPageQuerySchema.parse(queryOf(req));
    const [{ data, fireblocksRequestId, readAt }, names] = await Promise.all([
      getReadCache().listApiKeys(cosignerId, query, { signal: req.signal, reader: session.user.sub }),
      getApiUserNames(),
    ]);
    return respond(listApiKeysResponseSchema, summarizeApiKeysPage(data, names), { fireblocksRequestId, readAt });
  },
  { role: 'viewer' },
);
