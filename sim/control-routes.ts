import { z } from 'zod';

import type { SimCore } from './core';
import { faultConfigSchema } from './faults';
import { SIM } from './http/error-codes';
import { fail, json, type SimResponse } from './http/response';
import type { ForceTarget } from './lifecycle';
import {
  addCosigner,
  archiveCosigner,
  pairKey,
  removeHandler,
  setHandler,
  unpairKey,
  type BodyParser,
} from './outside-changes';
import { largeSeedSummary, seedSummary } from './seed';

// /_sim/...: the simulator's own control surface (no auth; it exists only here, bound to loopback by default).

const resetSchema = z.strictObject({
  seed: z.number().int().min(0).optional(),
  workspace: z.enum(['demo', 'large']).optional(),
});
const forbiddenSchema = z.strictObject({ apiUsers: z.boolean().optional(), auditLogs: z.boolean().optional() });
const delaysSchema = z.strictObject({ approveMs: z.number().int().min(0), completeMs: z.number().int().min(0) });
const rateLimitSchema = z.strictObject({ requests: z.number().int().min(1), windowMs: z.number().int().min(1) });
const FORCE: Record<string, ForceTarget> = {
  reject: 'REJECTED',
  cancel: 'CANCELLED',
  approve: 'APPROVED',
  complete: 'COMPLETED',
};

const parse: BodyParser = <T>(body: Buffer, schema: z.ZodType<T>) => {
  let value: unknown = {};
  try {
    if (body.length) value = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false as const, response: fail(400, SIM.invalidBody, 'Request body is not valid JSON') };
  }
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true as const, value: parsed.data }
    : { ok: false as const, response: fail(400, SIM.invalidBody, z.prettifyError(parsed.error)) };
};

function forceRequest(core: SimCore, id: string, action: string, nowMs: number): SimResponse {
  const target = FORCE[action];
  if (!target) return fail(404, SIM.routeNotFound, 'Not found');
  const r = core.state.lifecycle.force(id, target, nowMs);
  if (r === 'not_found') return fail(404, SIM.requestNotFound, 'Request not found');
  if (r === 'terminal') return fail(409, SIM.conflict, 'Request already ended');
  return json(200, { id: r.id, type: r.type, status: r.status });
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
  const ctx = { state: core.state, seed: core.seed, nowMs, parse };
  switch (key) {
    case 'GET /_sim/health':
      return json(200, {
        ok: true,
        seed: core.seed,
        workspace: core.workspace,
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
      core.reset(r.value.seed ?? core.seed, r.value.workspace ?? core.workspace);
      return json(200, { seed: core.seed, workspace: core.workspace });
    }
    case 'GET /_sim/seed':
      return json(200, core.workspace === 'large' ? largeSeedSummary(core.seed) : seedSummary(core.seed));
    case 'GET /_sim/forbidden':
      return json(200, core.state.forbidden);
    case 'PUT /_sim/forbidden': {
      const f = parse(body, forbiddenSchema);
      if (!f.ok) return f.response;
      core.setForbidden(f.value);
      return json(200, core.state.forbidden);
    }
    case 'GET /_sim/audit_logs':
      return json(200, core.state.auditLog.list());
    case 'POST /_sim/cosigners':
      return addCosigner(ctx, body);
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
  const handler = /^\/_sim\/cosigners\/([^/]+)\/api_keys\/([^/]+)\/callback_handler$/.exec(pathname);
  if (handler && method === 'PUT') return setHandler(ctx, handler[1] ?? '', handler[2] ?? '', body);
  if (handler && method === 'DELETE') return removeHandler(ctx, handler[1] ?? '', handler[2] ?? '', body);
  const pairing = /^\/_sim\/cosigners\/([^/]+)\/api_keys\/([^/]+)$/.exec(pathname);
  if (pairing && method === 'PUT') return pairKey(ctx, pairing[1] ?? '', pairing[2] ?? '', body);
  if (pairing && method === 'DELETE') return unpairKey(ctx, pairing[1] ?? '', pairing[2] ?? '', body);
  const archive = /^\/_sim\/cosigners\/([^/]+)\/archive$/.exec(pathname);
  if (archive && method === 'POST') return archiveCosigner(ctx, archive[1] ?? '', body);
  return fail(404, SIM.routeNotFound, 'Not found');
}
