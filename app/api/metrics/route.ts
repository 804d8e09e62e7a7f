import { metricsResponse } from '@/lib/monitoring/metrics-route';

// GET /api/metrics – Prometheus text for a scraper: bearer METRICS_TOKEN, no session (lib/monitoring/metrics-route.ts).
export const dynamic = 'force-dynamic';

export function GET(req: Request): Promise<Response> {
  return metricsResponse(req);
}
