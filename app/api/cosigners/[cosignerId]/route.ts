import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import {
  cosignerParamsSchema,
  getCosignerResponseSchema,
  type CosignerParams,
} from '@/lib/cosigners/console-api-schemas';
import { getReadCache } from '@/lib/fireblocks';

// GET /api/cosigners/{cosignerId} – one cosigner, `{ data }`.
export const GET = withSession<CosignerParams>(
  async (req, { params, session }) => {
    const { cosignerId } = cosignerParamsSchema.parse(params);
    const { data, fireblocksRequestId, readAt } = await getReadCache().getCosigner(cosignerId, {
      signal: req.signal,
      reader: session.user.sub,
    });
    return respond(getCosignerResponseSchema, { data }, { fireblocksRequestId, readAt });
  },
  { role: 'viewer' },
);
