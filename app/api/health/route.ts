import { setApiHeaders } from '@/lib/api-routes/api-headers';

// GET /api/health – liveness for load balancers and the test runner. Public by design (docs/contracts.md), so it
// answers a constant: no version, no configuration, no upstream check that could leak or be abused. It does not
// go through withSession, so it stamps the API security headers (no-store among them) itself.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ ok: true }, { headers: setApiHeaders(new Headers()) });
}
