import { withSession } from '@/lib/api-routes/with-session';
import { queryOf, respond } from '@/lib/api-routes/respond';
import { getKeyIndex } from '@/lib/search/get-key-index';
import { searchQuerySchema, searchResponseSchema } from '@/lib/search/search-api-schemas';
import { searchIndex } from '@/lib/search/search-index';

// GET /api/search?q=...[&refresh=1] – keys (by id, URL host or URL, fingerprint) and cosigners (by name or id)
// across every page of every cosigner, from the shared key index; `{ cosigners, keys, asOf, truncated }`.
export const GET = withSession(
  async (req, { session }) => {
    const { q, refresh } = searchQuerySchema.parse(queryOf(req));
    const index = await getKeyIndex({ refresh: refresh === '1', reader: session.user.sub });
    return respond(searchResponseSchema, searchIndex(index, q));
  },
  { role: 'viewer' },
);
