import { AUDIT_EVENTS, keySubject } from '../audit-log';
import { SIM } from '../http/error-codes';
import { fail, json, type SimResponse } from '../http/response';
import type { AsyncRequest } from '../lifecycle';
import type { SimApiKey, CallbackHandlerRequest, RequestType } from '../types';
import { callbackHandlerBodySchema, parseBody } from './bodies';
import { checkCallbackHandler, toReadModel } from './callback-handler';
import type { RouteRequest, SimState } from './context';
import { findCosigner, findKey, isUuid } from './lookup';
import { recordWrite } from './management';

/** Location of an async request: a path including /v1, its last segment the request id. */
function accepted(r: AsyncRequest, body: unknown): SimResponse {
  const location = `/v1/cosigners/${r.cosignerId}/api_keys/${encodeURIComponent(r.apiKeyId)}/${r.id}`;
  return json(202, body, { Location: location });
}

function archivedConflict(archived: boolean): SimResponse | null {
  return archived ? fail(409, SIM.conflict, 'Cosigner is archived') : null;
}

type HandlerBody = { ok: true; handler?: CallbackHandlerRequest } | { ok: false; response: SimResponse };

function parseHandlerBody(req: RouteRequest): HandlerBody {
  const body = parseBody(req, callbackHandlerBodySchema);
  if (!body.ok) return body;
  const handler = body.value.callbackHandler;
  const problem = handler ? checkCallbackHandler(handler) : null;
  return problem ? { ok: false, response: fail(400, SIM.invalidBody, problem) } : { ok: true, handler };
}

function start(
  state: SimState,
  req: RouteRequest,
  type: RequestType,
  cosignerId: string,
  apiKeyId: string,
  apply: () => void,
): AsyncRequest {
  return state.lifecycle.create(type, cosignerId, apiKeyId, apply, req.nowMs);
}

// PATCH /v1/cosigners/{cosignerId}/api_keys/{apiKeyId}: the key shows the new handler once the request
// completes; `{}` (no callbackHandler, schema-valid) removes it.
export function updateCallbackHandler(state: SimState, req: RouteRequest): SimResponse {
  const found = findKey(state, req);
  if (!found.ok) return found.response;
  const { cosigner, key } = found.value;
  const conflict = archivedConflict(cosigner.cosigner.archived);
  if (conflict) return conflict;
  const body = parseHandlerBody(req);
  if (!body.ok) return body.response;
  // Computed now so a bad certificate cannot fail later, inside the lifecycle.
  const next = body.handler ? toReadModel(body.handler) : undefined;
  const cosignerId = cosigner.cosigner.id;
  const r = start(state, req, 'UPDATE_CALLBACK_HANDLER', cosignerId, key.key.id, () => {
    const current = state.store.getKey(cosignerId, key.key.id);
    if (!current) return;
    const { callbackHandler: _old, ...rest } = current.key;
    state.store.putKey(cosignerId, next ? { ...rest, callbackHandler: next } : rest);
  });
  recordWrite(state, req, AUDIT_EVENTS.handlerUpdateRequested, keySubject(cosigner.cosigner, key.key.id));
  return accepted(r, body.handler ? { id: key.key.id, callbackHandler: body.handler } : { id: key.key.id });
}

// PUT /v1/cosigners/{cosignerId}/api_keys/{apiKeyId}: pair an API key; it appears once the request completes.
export function pairApiKey(state: SimState, req: RouteRequest): SimResponse {
  const found = findCosigner(state, req);
  if (!found.ok) return found.response;
  const apiKeyId = req.params.apiKeyId ?? '';
  if (!isUuid(apiKeyId)) return fail(400, SIM.invalidPathParam, 'apiKeyId must be a UUID to be paired');
  const cosignerId = found.value.cosigner.id;
  const conflict = archivedConflict(found.value.cosigner.archived);
  if (conflict) return conflict;
  if (state.store.getKey(cosignerId, apiKeyId))
    return fail(409, SIM.conflict, 'API key is already paired with this cosigner');
  const body = parseHandlerBody(req);
  if (!body.ok) return body.response;
  const key: SimApiKey = body.handler ? { id: apiKeyId, callbackHandler: toReadModel(body.handler) } : { id: apiKeyId };
  const r = start(state, req, 'PAIR_API_KEY', cosignerId, apiKeyId, () => state.store.putKey(cosignerId, key));
  recordWrite(state, req, AUDIT_EVENTS.pairRequested, keySubject(found.value.cosigner, apiKeyId));
  return accepted(r, body.handler ? { id: apiKeyId, callbackHandler: body.handler } : { id: apiKeyId });
}

// DELETE /v1/cosigners/{cosignerId}/api_keys/{apiKeyId}: unpair; the key leaves the list once completed.
export function unpairApiKey(state: SimState, req: RouteRequest): SimResponse {
  const found = findKey(state, req);
  if (!found.ok) return found.response;
  const { cosigner, key } = found.value;
  const conflict = archivedConflict(cosigner.cosigner.archived);
  if (conflict) return conflict;
  const cosignerId = cosigner.cosigner.id;
  const r = start(state, req, 'UNPAIR_API_KEY', cosignerId, key.key.id, () =>
    state.store.removeKey(cosignerId, key.key.id),
  );
  recordWrite(state, req, AUDIT_EVENTS.unpairRequested, keySubject(cosigner.cosigner, key.key.id));
  return accepted(r, key.key);
}
