import { z } from 'zod';

import type { SimCore } from './core';
import { faultConfigSchema } from './faults';
import { callbackHandlerRequestSchema } from './handlers/bodies';
import { checkCallbackHandler, toReadModel } from './handlers/callback-handler';
import { SIM } from './http/error-codes';
import { fail, json, type SimResponse } from './http/response';
import type { ForceTarget } from './lifecycle';
import { seedSummary } from './seed';

// /_sim/...: the simulator's own control surface (no auth; it exists only here, bound to loopback by default).

const resetSchema = z.strictObject({ seed: z.number().int().min(0).optional() });
const delaysSchema = z.strictObject({ approveMs: z.number().int().min(0), completeMs: z.number().int().min(0) });
const rateLimitSchema = z.strictObject({ requests: z.number().int().min(1), windowMs: z.number().int().min(1) });
const FORCE: Record<string, ForceTarget> = {
  reject: 'REJECTED',
  cancel: 'CANCELLED',
  approve: 'APPROVED',
  complete: 'COMPLETED',
};

type Parsed<T> = { ok: true; value: T } | { ok: false; response: SimResponse };

function parse<T>(body: Buffer, schema: z.ZodType<T>): Parsed<T> {
  let value: unknown = {};
  try {
    if (body.length) value = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, response: fail(400, SIM.invalidBody, 'Request body is not valid JSON') };
  }
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, response: fail(400, SIM.invalidBody, z.prettifyError(parsed.error)) };
}

function forceRequest(core: SimCore, id: string, action: string, nowMs: number): SimResponse {
  const target = FORCE[action];
  if (!target) return fail(404, SIM.routeNotFound, 'Not found');
  const r = core.state.lifecycle.force(id, target, nowMs);
  if (r === 'not_found') return fail(404, SIM.requestNotFound, 'Request not found');
  if (r === 'terminal') return fail(409, SIM.conflict, 'Request already ended');
  return json(200, { id: r.id, type: r.type, status: r.status });
}

/**
 * Sets a key's callback handler at once, as if someone changed it outside the console (on the Co-signer host, or
 * another tool through Fireblocks): what a drift test needs. Checked like a PATCH; shown like a completed one.
 */
function setHandler(core: SimCore, cosignerId: string, apiKeyId: string, body: Buffer): SimResponse {
  const record = core.state.store.getKey(cosignerId, apiKeyId);
  if (!record) return fail(404, SIM.apiKeyNotFound, 'API key not found');
  const h = parse(body, callbackHandlerRequestSchema);
  if (!h.ok) return h.response;
  const problem = checkCallbackHandler(h.value);
  if (problem) return fail(400, SIM.invalidBody, problem);
  const key = { ...record.key, callbackHandler: toReadModel(h.value) };
  core.state.store.putKey(cosignerId, key);
  return json(200, key);
}

export function handleControl(
  core: SimCore,
  method: string,
  pathname: string,
  body: Buffer,
  nowMs: number,
): SimResponse {
  const key = `${method} ${pathname}`;
  const { lifecycle } = core.state;
  switch (key) {
    case 'GET /_sim/health':
      return json(200, {
        ok: true,
        seed: core.seed,
        cosigners: core.state.store.cosigners.size,
        delays: lifecycle.getDelays(),
      });
    case 'GET /_sim/log':
      return json(200, core.log.list());
    case 'DELETE /_sim/log':
      core.log.clear();
      return { status: 204 };
    case 'GET /_sim/faults':
      return json(200, { active: core.faults.current() });
    case 'POST /_sim/faults': {
      const f = parse(body, faultConfigSchema);
      if (!f.ok) return f.response;
      core.faults.set(f.value);
      return json(200, { active: core.faults.current() });
    }
    case 'DELETE /_sim/faults':
      core.faults.clear();
      return { status: 204 };
    case 'POST /_sim/rate-limit': {
      const r = parse(body, rateLimitSchema);
      if (!r.ok) return r.response;
      core.rateLimits.set(r.value);
      return json(200, { active: core.rateLimits.current() });
    }
    case 'DELETE /_sim/rate-limit':
      core.rateLimits.set(null);
      return { status: 204 };
    case 'POST /_sim/reset': {
      const r = parse(body, resetSchema);
      if (!r.ok) return r.response;
      core.reset(r.value.seed ?? core.seed);
      return json(200, { seed: core.seed });
    }
    case 'GET /_sim/seed':
      return json(200, seedSummary(core.seed));
    case 'GET /_sim/delays':
      return json(200, lifecycle.getDelays());
    case 'POST /_sim/delays': {
      const d = parse(body, delaysSchema);
      if (!d.ok) return d.response;
      lifecycle.setDelays(d.value);
      return json(200, d.value);
    }
    case 'GET /_sim/requests':
      lifecycle.settle(nowMs);
      return json(
        200,
        lifecycle
          .list()
          .map(({ id, type, status, cosignerId, apiKeyId }) => ({ id, type, status, cosignerId, apiKeyId })),
      );
  }
  const m = /^\/_sim\/requests\/([^/]+)\/([a-z]+)$/.exec(pathname);
  if (m && method === 'POST') return forceRequest(core, m[1] ?? '', m[2] ?? '', nowMs);
  const k = /^\/_sim\/cosigners\/([^/]+)\/api_keys\/([^/]+)\/callback_handler$/.exec(pathname);
  if (k && method === 'PUT') return setHandler(core, k[1] ?? '', k[2] ?? '', body);
  return fail(404, SIM.routeNotFound, 'Not found');
}
