import { setApiHeaders } from '@/lib/api-routes/api-headers';
import { isReady } from '@/lib/monitoring/readiness';

// GET /api/ready – readiness for load balancers: the database reachable and migrated, the signing key loaded. Public
// by design like /api/health (docs/contracts.md): 200 `{ ok: true }` or 503 `{ ok: false }`, nothing else, so it
// reveals no configuration. Not through withSession (no session), so it stamps the API security headers itself.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const ok = await isReady();
  return Response.json({ ok }, { status: ok ? 200 : 503, headers: setApiHeaders(new Headers()) });
}
