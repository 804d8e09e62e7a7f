import { withSession } from '@/lib/api-routes/with-session';
import { queryOf, respond } from '@/lib/api-routes/respond';
import { getDb } from '@/lib/db';
import { readOpenChanges } from '@/lib/db/read-open-changes';
import { getKeyIndex } from '@/lib/search/get-key-index';
import { searchQuerySchema, searchResponseSchema } from '@/lib/search/search-api-schemas';
import { searchIndex } from '@/lib/search/search-index';

// GET /api/search?q=...[&refresh=1] – keys (by id, URL host or URL, fingerprint) and cosigners (by name or id)
// across every page of every cosigner, from the shared key index, each key with its open change if any;
// `{ cosigners, keys, asOf, truncated }`.
export const GET = withSession(
  async (req, { session }) => {
    const { q, refresh } = searchQuerySchema.parse(queryOf(req));
    const [index, openChanges] = await Promise.all([
      getKeyIndex({ refresh: refresh === '1', reader: session.user.sub }),
      readOpenChanges(getDb()),
    ]);
    return respond(searchResponseSchema, searchIndex(index, q, openChanges));
  },
  { role: 'viewer' },
);
