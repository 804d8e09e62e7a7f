import { json, type SimResponse } from '../http/response';
import { paginate, parsePageQuery } from '../pagination/page';
import type { RouteRequest, SimState } from './context';
import { findCosigner, findKey } from './lookup';

// GET /v1/cosigners/{cosignerId}/api_keys: one page of the API keys paired to the cosigner.
export function listApiKeys(state: SimState, req: RouteRequest): SimResponse {
  const found = findCosigner(state, req);
  if (!found.ok) return found.response;
  const id = found.value.cosigner.id;
  // The scope ties a cursor to this cosigner's list: replaying it on another cosigner is a 400.
  const scope = `api_keys:${id}`;
  const parsed = parsePageQuery(req.query, scope, state.cursorSecret);
  if (!parsed.ok) return parsed.response;
  const items = [...(state.store.keysOf(id)?.values() ?? [])].map((r) => ({ seq: r.seq, item: r.key }));
  return json(200, paginate(items, parsed.query, scope, state.cursorSecret));
}

// GET /v1/cosigners/{cosignerId}/api_keys/{apiKeyId}
export function getApiKey(state: SimState, req: RouteRequest): SimResponse {
  const found = findKey(state, req);
  return found.ok ? json(200, found.value.key.key) : found.response;
}
