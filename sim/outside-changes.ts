import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { AUDIT_EVENTS, cosignerSubject, keySubject } from './audit-log';
import { callbackHandlerRequestSchema } from './handlers/bodies';
import { checkCallbackHandler, toReadModel } from './handlers/callback-handler';
import type { SimState } from './handlers/context';
import { isUuid } from './handlers/lookup';
import { SIM } from './http/error-codes';
import { fail, json, type SimResponse } from './http/response';
import { derivedUuid } from './seed-data/derive';
import { API_USER_ROLES, type CosignerType, type SimApiKey, type SimCosigner } from './types';

// Changes made "outside the console": as someone using Fireblocks' own console would make them (they land at once, no
// async request), or on the Co-Signer host. With `by` the change leaves an entry in Fireblocks' audit log naming
// that person; without it, none (the host's own configuration, which Fireblocks' audit log does not see). These are
// what a watcher of the workspace has to notice: a repointed handler, a key paired or unpaired, a cosigner added or
// archived.

const by = z.string().trim().min(1).max(200).optional();
const handlerBody = callbackHandlerRequestSchema.extend({ by });
const byBody = z.strictObject({ by });
const pairBody = z.strictObject({
  by,
  callbackHandler: callbackHandlerRequestSchema.optional(),
  /** Gives the key's id an API user (or renames it): what creating the API user in Fireblocks' console does. */
  apiUser: z.strictObject({ name: z.string().trim().min(1).max(200), role: z.enum(API_USER_ROLES) }).optional(),
});
const COSIGNER_TYPES = ['SANDBOX', 'SGX', 'GCP-CONFSPACE', 'AWS-NITRO', 'PLAIN'] as const satisfies CosignerType[];
/** A version every type's remote configuration works with, so the console can edit the new cosigner's keys. */
const CURRENT_VERSION: Record<CosignerType, string> = {
  SANDBOX: '2026.07.01',
  SGX: '3.7.2 (January 2026)',
  'GCP-CONFSPACE': '2026.07.01',
  'AWS-NITRO': '2026.08.19',
  PLAIN: '2026.07.01',
};
const addCosignerBody = z.strictObject({
  by,
  name: z.string().trim().min(1).max(200),
  type: z.enum(COSIGNER_TYPES).default('SGX'),
});

export type BodyParser = <T>(
  body: Buffer,
  schema: z.ZodType<T>,
) => { ok: true; value: T } | { ok: false; response: SimResponse };

interface Ctx {
  state: SimState;
  seed: number;
  nowMs: number;
  parse: BodyParser;
}

/** The audit-log entry of an outside change, when someone is named. */
function record(ctx: Ctx, who: string | undefined, event: string, subject: string): void {
  if (!who) return;
  ctx.state.auditLog.add({
    atMs: ctx.nowMs,
    user: who,
    userId: derivedUuid(ctx.seed, `console-user:${who}`),
    subject,
    event,
  });
}

const cosignerNotFound = () => fail(404, SIM.cosignerNotFound, 'Cosigner not found');
const keyNotFound = () => fail(404, SIM.apiKeyNotFound, 'API key not found');

// PUT /_sim/cosigners/{c}/api_keys/{k}/callback_handler: `{ url, publicKey } | { url, cert }` and `by`; checked like
// a PATCH, live at once.
export function setHandler(ctx: Ctx, cosignerId: string, apiKeyId: string, body: Buffer): SimResponse {
  const cosigner = ctx.state.store.cosigners.get(cosignerId)?.cosigner;
  const keyRecord = ctx.state.store.getKey(cosignerId, apiKeyId);
  if (!cosigner || !keyRecord) return keyNotFound();
  const parsed = ctx.parse(body, handlerBody);
  if (!parsed.ok) return parsed.response;
  const { by: who, ...handler } = parsed.value;
  const problem = checkCallbackHandler(handler);
  if (problem) return fail(400, SIM.invalidBody, problem);
  const key = { ...keyRecord.key, callbackHandler: toReadModel(handler) };
  ctx.state.store.putKey(cosignerId, key);
  record(ctx, who, AUDIT_EVENTS.handlerUpdated, keySubject(cosigner, apiKeyId));
  return json(200, key);
}

// DELETE /_sim/cosigners/{c}/api_keys/{k}/callback_handler: `{ by? }`; the key has no handler from now on.
export function removeHandler(ctx: Ctx, cosignerId: string, apiKeyId: string, body: Buffer): SimResponse {
  const cosigner = ctx.state.store.cosigners.get(cosignerId)?.cosigner;
  const keyRecord = ctx.state.store.getKey(cosignerId, apiKeyId);
  if (!cosigner || !keyRecord) return keyNotFound();
  const parsed = ctx.parse(body, byBody);
  if (!parsed.ok) return parsed.response;
  const { callbackHandler: _removed, ...key } = keyRecord.key;
  ctx.state.store.putKey(cosignerId, key);
  record(ctx, parsed.value.by, AUDIT_EVENTS.handlerRemoved, keySubject(cosigner, apiKeyId));
  return json(200, key);
}

// PUT /_sim/cosigners/{c}/api_keys/{k}: `{ by?, callbackHandler?, apiUser? }`; the key is paired (listed) at once.
export function pairKey(ctx: Ctx, cosignerId: string, apiKeyId: string, body: Buffer): SimResponse {
  const cosigner = ctx.state.store.cosigners.get(cosignerId)?.cosigner;
  if (!cosigner) return cosignerNotFound();
  if (!isUuid(apiKeyId)) return fail(400, SIM.invalidPathParam, 'apiKeyId must be a UUID to be paired');
  if (cosigner.archived) return fail(409, SIM.conflict, 'Cosigner is archived');
  if (ctx.state.store.getKey(cosignerId, apiKeyId))
    return fail(409, SIM.conflict, 'API key is already paired with this cosigner');
  const parsed = ctx.parse(body, pairBody);
  if (!parsed.ok) return parsed.response;
  const { by: who, callbackHandler, apiUser } = parsed.value;
  const problem = callbackHandler ? checkCallbackHandler(callbackHandler) : null;
  if (problem) return fail(400, SIM.invalidBody, problem);
  const key: SimApiKey = callbackHandler
    ? { id: apiKeyId, callbackHandler: toReadModel(callbackHandler) }
    : { id: apiKeyId };
  ctx.state.store.putKey(cosignerId, key);
  if (apiUser)
    ctx.state.store.apiUsers.set(apiKeyId, {
      id: apiKeyId,
      ...apiUser,
      enabled: true,
      status: 'READY',
      userType: 'API',
    });
  record(ctx, who, AUDIT_EVENTS.paired, keySubject(cosigner, apiKeyId));
  return json(200, key);
}

// DELETE /_sim/cosigners/{c}/api_keys/{k}: `{ by? }`; the key leaves the cosigner's list at once (its API user stays).
export function unpairKey(ctx: Ctx, cosignerId: string, apiKeyId: string, body: Buffer): SimResponse {
  const cosigner = ctx.state.store.cosigners.get(cosignerId)?.cosigner;
  const keyRecord = ctx.state.store.getKey(cosignerId, apiKeyId);
  if (!cosigner || !keyRecord) return keyNotFound();
  const parsed = ctx.parse(body, byBody);
  if (!parsed.ok) return parsed.response;
  ctx.state.store.removeKey(cosignerId, apiKeyId);
  record(ctx, parsed.value.by, AUDIT_EVENTS.unpaired, keySubject(cosigner, apiKeyId));
  return json(200, keyRecord.key);
}

// POST /_sim/cosigners: `{ name, type?, by? }`; a live cosigner with no keys, newest in the list.
export function addCosigner(ctx: Ctx, body: Buffer): SimResponse {
  const parsed = ctx.parse(body, addCosignerBody);
  if (!parsed.ok) return parsed.response;
  const { by: who, name, type } = parsed.value;
  const cosigner: SimCosigner = {
    archived: false,
    id: randomUUID(),
    name,
    type,
    version: { hash: randomUUID().replace(/-/g, '').slice(0, 10), name: CURRENT_VERSION[type] },
  };
  ctx.state.store.addCosigner(cosigner);
  record(ctx, who, AUDIT_EVENTS.cosignerAdded, cosignerSubject(cosigner));
  return json(201, cosigner);
}

// POST /_sim/cosigners/{c}/archive: `{ by? }`; the cosigner stays listed, archived.
export function archiveCosigner(ctx: Ctx, cosignerId: string, body: Buffer): SimResponse {
  const found = ctx.state.store.cosigners.get(cosignerId);
  if (!found) return cosignerNotFound();
  if (found.cosigner.archived) return fail(409, SIM.conflict, 'Cosigner is already archived');
  const parsed = ctx.parse(body, byBody);
  if (!parsed.ok) return parsed.response;
  found.cosigner = { ...found.cosigner, archived: true };
  record(ctx, parsed.value.by, AUDIT_EVENTS.cosignerArchived, cosignerSubject(found.cosigner));
  return json(200, found.cosigner);
}
