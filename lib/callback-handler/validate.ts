import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { issuesToFields } from './fields';
import { inspectCallbackHandler } from './inspect';
import { makeConsoleUpdateBodySchema } from './callback-handler-schemas';

import type { CallbackHandlerInput, InspectContext } from './inspect';
import type { ConsoleUpdateBody } from './callback-handler-schemas';

export type ValidateCallbackHandlerOptions = InspectContext;

function badRequest(fields: Record<string, string>): AppError {
  const message = Object.values(fields)[0] ?? 'The callback handler is not valid.';
  return new AppError({ status: 400, code: 'bad_request', message, fields });
}

const stringField = (object: object, key: string): string | undefined => {
  const value: unknown = Reflect.get(object, key);
  return typeof value === 'string' ? value : undefined;
};

/** The string-valued PEM fields of a body that failed the schema, to still run the crypto checks on. */
function pemFieldsOf(body: unknown): CallbackHandlerInput {
  const handler: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'callbackHandler') : undefined;
  if (typeof handler !== 'object' || handler === null) return {};
  const publicKey = stringField(handler, 'publicKey');
  const cert = stringField(handler, 'cert');
  return { ...(publicKey !== undefined ? { publicKey } : {}), ...(cert !== undefined ? { cert } : {}) };
}

function inspectionFields(input: CallbackHandlerInput, options: InspectContext): Record<string, string> {
  const { errors } = inspectCallbackHandler(input, options);
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [`callbackHandler.${field}`, message]));
}

/**
 * The server's gate before a PATCH goes upstream: the shared schema (the form's rules), then the
 * node:crypto inspection (RSA-2048 only, certificate validity and host). Returns the parsed body (PEM
 * normalised, URL trimmed) to send to Fireblocks; throws `AppError` 400 `bad_request` whose `fields`
 * are keyed `callbackHandler.url` / `.publicKey` / `.cert` (or `callbackHandler` for "exactly one
 * of", `body` for a body that is not an object). Every broken field is reported at once, and
 * messages never contain the submitted PEM.
 */
export function validateCallbackHandler(body: unknown, options: ValidateCallbackHandlerOptions): ConsoleUpdateBody {
  const parsed = makeConsoleUpdateBodySchema(options).safeParse(body);
  if (!parsed.success) {
    // Schema messages first (they are the form's), then what only the crypto checks can tell.
    const fields = issuesToFields(parsed.error.issues);
    for (const [key, message] of Object.entries(inspectionFields(pemFieldsOf(body), options))) fields[key] ??= message;
    throw badRequest(fields);
  }
  const fields = inspectionFields(parsed.data.callbackHandler, options);
  if (Object.keys(fields).length > 0) throw badRequest(fields);
  return parsed.data;
}
