import { randomUUID } from 'node:crypto';

import { AUDIT_EVENTS, cosignerSubject } from '../audit-log';
import { json, type SimResponse } from '../http/response';
import { paginate, parsePageQuery } from '../pagination/page';
import type { PendingCosigner } from '../store';
import { addCosignerBodySchema, parseBody, renameCosignerBodySchema } from './bodies';
import type { RouteRequest, SimState } from './context';
import { findCosigner } from './lookup';
import { recordWrite } from './management';

// GET /v1/cosigners: one page of the workspace's cosigners.
export function listCosigners(state: SimState, req: RouteRequest): SimResponse {
  const parsed = parsePageQuery(req.query, 'cosigners', state.cursorSecret);
  if (!parsed.ok) return parsed.response;
  const items = [...state.store.cosigners.values()].map((r) => ({ seq: r.seq, item: r.cosigner }));
  return json(200, paginate(items, parsed.query, 'cosigners', state.cursorSecret));
}

// GET /v1/cosigners/{cosignerId}
export function getCosigner(state: SimState, req: RouteRequest): SimResponse {
  const found = findCosigner(state, req);
  return found.ok ? json(200, found.value.cosigner) : found.response;
}

// PATCH /v1/cosigners/{cosignerId}: rename (an absent name leaves it unchanged).
export function renameCosigner(state: SimState, req: RouteRequest): SimResponse {
  const found = findCosigner(state, req);
  if (!found.ok) return found.response;
  const body = parseBody(req, renameCosignerBodySchema);
  if (!body.ok) return body.response;
  if (body.value.name !== undefined) found.value.cosigner = { ...found.value.cosigner, name: body.value.name };
  recordWrite(state, req, AUDIT_EVENTS.cosignerRenamed, cosignerSubject(found.value.cosigner));
  return json(200, found.value.cosigner);
}

// POST /v1/cosigners: a pending cosigner. It stays pending (and out of the list) until a Co-signer machine
// pairs with it, which never happens here. Idempotency-Key returns the first response again.
export function addCosigner(state: SimState, req: RouteRequest): SimResponse {
  const body = parseBody(req, addCosignerBodySchema);
  if (!body.ok) return body.response;
  const idemKey = req.headers['idempotency-key'];
  const idem = typeof idemKey === 'string' && idemKey ? `idem:${idemKey}` : undefined;
  const previous = idem ? state.store.pendingCosigners.get(idem) : undefined;
  if (previous) return json(201, previous);
  const pending: PendingCosigner = {
    ...body.value,
    existingCosigner: body.value.existingCosigner ?? false,
    pendingCosignerId: randomUUID(),
  };
  state.store.pendingCosigners.set(idem ?? pending.pendingCosignerId, pending);
  recordWrite(
    state,
    req,
    AUDIT_EVENTS.cosignerAdded,
    cosignerSubject({ id: pending.pendingCosignerId, name: pending.name }),
  );
  return json(201, pending);
}
