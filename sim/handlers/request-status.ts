import { SIM } from '../http/error-codes';
import { fail, json, type SimResponse } from '../http/response';
import type { RouteRequest, SimState } from './context';
import { findCosigner } from './lookup';

// GET /v1/cosigners/{cosignerId}/api_keys/{apiKeyId}/{requestId}: status of an async request. The key
// itself may be gone (a completed unpair), so only the request's own cosigner and key must match.
export function getRequestStatus(state: SimState, req: RouteRequest): SimResponse {
  const found = findCosigner(state, req);
  if (!found.ok) return found.response;
  const r = state.lifecycle.get(req.params.requestId ?? '');
  if (!r || r.cosignerId !== found.value.cosigner.id || r.apiKeyId !== req.params.apiKeyId) {
    return fail(404, SIM.requestNotFound, 'Request not found');
  }
  return json(200, { type: r.type, status: r.status });
}
