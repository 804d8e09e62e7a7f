import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { issuesToFields } from './fields';
import { inspectCallbackHandler } from './inspect';
import { makeUpdateCallbackHandlerBodySchema } from './schema';

import type { InspectContext } from './inspect';
import type { UpdateCallbackHandlerBody } from './schema';

export type ValidateCallbackHandlerOptions = InspectContext;

function badRequest(fields: Record<string, string>): AppError {
  const message = Object.values(fields)[0] ?? 'The callback handler is not valid.';
  return new AppError({ status: 400, code: 'bad_request', message, fields });
}

/**
 * The server's gate before a PATCH goes upstream: the shared schema (the form's rules), then the
 * node:crypto inspection (RSA-2048 only, certificate validity). Returns the parsed body (PEM
 * normalised, URL trimmed) to send to Fireblocks; throws `AppError` 400 `bad_request` whose `fields`
 * are keyed `callbackHandler.url` / `.publicKey` / `.cert` (or `callbackHandler` for "exactly one
 * of", `body` for a body that is not an object). Messages never contain the submitted PEM.
 */
export function validateCallbackHandler(body: unknown, options: ValidateCallbackHandlerOptions): UpdateCallbackHandlerBody {
  const parsed = makeUpdateCallbackHandlerBodySchema(options).safeParse(body);
  if (!parsed.success) throw badRequest(issuesToFields(parsed.error.issues));

  const inspection = inspectCallbackHandler(parsed.data.callbackHandler, options);
  if (!inspection.ok) {
    const fields = Object.fromEntries(
      Object.entries(inspection.errors).map(([field, message]) => [`callbackHandler.${field}`, message]),
    );
    throw badRequest(fields);
  }
  return parsed.data;
}
