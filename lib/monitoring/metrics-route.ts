import 'server-only';

import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';

import { setApiHeaders } from '@/lib/api-routes/api-headers';
import { errorResponse } from '@/lib/api-routes/error-response';
import { getMetricsToken } from '@/lib/config/env';
import { AppError } from '@/lib/errors/app-error';
import { getMetrics } from '@/lib/metrics/registry';

import { addDatabaseGauges } from './database-gauges';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time: both sides are hashed first, so neither the token's length nor a matching prefix shows in timing. */
function bearerMatches(authorization: string | null, token: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(authorization?.trim() ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token));
}

/**
 * GET /api/metrics: Prometheus text for a scraper, not a person, so no session: `Authorization: Bearer
 * $METRICS_TOKEN`. Off (404, as if there were no such route) while METRICS_TOKEN is unset; 401 for a missing or
 * wrong token. Errors use the API's standard body and headers.
 */
export async function metricsResponse(req: Request): Promise<Response> {
  const requestId = randomUUID();
  let res: Response;
  try {
    const token = getMetricsToken();
    if (token === undefined) throw new AppError({ status: 404, code: 'not_found', message: 'Not found.' });
    if (!bearerMatches(req.headers.get('authorization'), token)) {
      throw new AppError({
        status: 401,
        code: 'unauthenticated',
        message: 'A valid metrics bearer token is required.',
      });
    }
    const { registry } = getMetrics();
    addDatabaseGauges(registry);
    res = new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType } });
  } catch (error) {
    res = errorResponse(error, requestId, req.signal);
    if (res.status === 401) res.headers.set('WWW-Authenticate', 'Bearer');
  }
  setApiHeaders(res.headers);
  res.headers.set('X-Request-ID', requestId);
  return res;
}
