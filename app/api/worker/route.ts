import { withSession } from '@/lib/api-routes/with-session';
import { respond } from '@/lib/api-routes/respond';
import { getDb } from '@/lib/db';
import { readWorkerStatus } from '@/lib/worker';
import { workerStatusResponseSchema } from '@/lib/worker/worker-api-schemas';

// GET /api/worker – the background worker: whether this replica holds its lease, the lease, and each job's last pass
// (`lastError` when it failed), `{ data }`.
export const GET = withSession(
  async () => respond(workerStatusResponseSchema, { data: await readWorkerStatus(getDb()) }),
  { role: 'viewer' },
);
