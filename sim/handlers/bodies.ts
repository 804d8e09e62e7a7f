import { z } from 'zod';

import { SIM } from '../http/error-codes';
import { fail, type SimResponse } from '../http/response';
import type { RouteRequest } from './context';

// Request bodies of the OpenAPI subset. Unknown fields are refused (strict objects): Fireblocks' behaviour
// there is undocumented, and a simulator that silently dropped a misspelt `publicKey` would hide client bugs.

export const callbackHandlerRequestSchema = z.strictObject({
  url: z.string(),
  publicKey: z.string().optional(),
  cert: z.string().optional(),
});

export const addCosignerBodySchema = z.strictObject({
  apiKeyId: z.uuid(),
  name: z.string().min(1),
  existingCosigner: z.boolean().optional(),
});

export const renameCosignerBodySchema = z.strictObject({ name: z.string().min(1).optional() });

/** PUT pair and PATCH update share this shape: `{ callbackHandler? }`. */
export const callbackHandlerBodySchema = z.strictObject({ callbackHandler: callbackHandlerRequestSchema.optional() });

export type ParsedBody<T> = { ok: true; value: T } | { ok: false; response: SimResponse };

/** JSON body -> schema, or the 400 Fireblocks would give (the message names the field, never its value). */
export function parseBody<T>(req: RouteRequest, schema: z.ZodType<T>): ParsedBody<T> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return { ok: false, response: fail(415, SIM.unsupportedMediaType, 'Content-Type must be application/json') };
  }
  let value: unknown;
  try {
    value = JSON.parse(req.body.toString('utf8'));
  } catch {
    return { ok: false, response: fail(400, SIM.invalidBody, 'Request body is not valid JSON') };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  return {
    ok: false,
    response: fail(400, SIM.invalidBody, `Invalid request body: ${where}: ${issue?.message ?? 'invalid'}`),
  };
}
