// GET /api/health – liveness for load balancers and the test runner. Public by design (design.md), so it
// answers a constant: no version, no configuration, no upstream check that could leak or be abused.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
