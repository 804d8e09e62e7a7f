import { SIM } from './http/error-codes';
import { fail, type SimResponse } from './http/response';
import { listApiKeys, getApiKey } from './handlers/api-keys-read';
import { pairApiKey, unpairApiKey, updateCallbackHandler } from './handlers/api-keys-write';
import type { RouteRequest, SimState } from './handlers/context';
import { addCosigner, getCosigner, listCosigners, renameCosigner } from './handlers/cosigners';
import { listApiUsers, listAuditLogs } from './handlers/management';
import { getRequestStatus } from './handlers/request-status';

type Handler = (state: SimState, req: RouteRequest) => SimResponse;

/** The Cosigners (Beta) operations, keyed by the number of path segments after /v1/cosigners. */
const ROUTES: Record<number, Record<string, Handler>> = {
  0: { GET: listCosigners, POST: addCosigner },
  1: { GET: getCosigner, PATCH: renameCosigner },
  2: { GET: listApiKeys },
  3: { GET: getApiKey, PUT: pairApiKey, PATCH: updateCallbackHandler, DELETE: unpairApiKey },
  4: { GET: getRequestStatus },
};

/** The management reads beside the cosigner endpoints, by their path under /v1. */
const MANAGEMENT: Record<string, Record<string, Handler>> = {
  '/v1/management/api_users': { GET: listApiUsers },
  '/v1/management/audit_logs': { GET: listAuditLogs },
};

function splitPath(pathname: string): string[] | null {
  try {
    return pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** Matches an authenticated request under /v1 to its operation and runs it. */
export function route(state: SimState, req: RouteRequest, pathname: string): SimResponse {
  const management = MANAGEMENT[pathname];
  if (management) {
    const handler = management[req.method];
    if (!handler)
      return fail(405, SIM.methodNotAllowed, 'Method not allowed', { Allow: Object.keys(management).join(', ') });
    return handler(state, req);
  }
  const segments = splitPath(pathname);
  if (!segments) return fail(400, SIM.invalidPathParam, 'Malformed percent-encoding in path');
  const [v1, cosigners, cosignerId, apiKeys, apiKeyId, requestId, ...extra] = segments;
  const depth = segments.length - 2;
  const shapeOk =
    v1 === 'v1' && cosigners === 'cosigners' && extra.length === 0 && (depth < 2 || apiKeys === 'api_keys');
  const methods = shapeOk ? ROUTES[depth] : undefined;
  if (!methods || segments.some((s, i) => i > 0 && s === '')) return fail(404, SIM.routeNotFound, 'Not found');
  const handler = methods[req.method];
  if (!handler)
    return fail(405, SIM.methodNotAllowed, 'Method not allowed', { Allow: Object.keys(methods).join(', ') });
  return handler(state, { ...req, params: { cosignerId, apiKeyId, requestId } });
}
