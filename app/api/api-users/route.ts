import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import { getApiUserNames } from '@/lib/cosigners/api-user-names';
import { listApiUsersResponseSchema } from '@/lib/cosigners/console-api-schemas';

// GET /api/api-users – every API user of the workspace by id (a key's id is its API user's id), `{ data, apiUsers }`:
// what pages showing keys of many cosigners (changes, audit) name them with. From the per-replica names cache, so
// it costs no upstream call most of the time; `apiUsers` says when names could not be read, and why.
export const GET = withSession(
  async () => {
    const names = await getApiUserNames();
    const data = [...names.byId].map(([id, user]) => ({ id, ...user }));
    return respond(listApiUsersResponseSchema, { data, apiUsers: names.status });
  },
  { role: 'viewer' },
);
