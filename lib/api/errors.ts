import 'server-only';

import { $ZodError } from 'zod/v4/core';

import { AppError } from '@/lib/errors/app-error';
import { isFireblocksError, toAppError } from '@/lib/fireblocks/errors';

import { redactForLog } from './redact';

/** Field path -> first message, dot-joined (`callbackHandler.url`); a whole-body issue is keyed `body`. */
function fieldsOf(error: $ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * The one mapper from anything thrown in a route to the AppError the client sees. Validation errors
 * become 400 with field messages, upstream failures keep their mapped status, and anything unexpected
 * is a generic 500 whose detail stays in the server log (redacted), never in the body.
 */
export function toAppErrorFromUnknown(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof $ZodError) {
    return new AppError({ status: 400, code: 'bad_request', message: 'Some fields are invalid.', fields: fieldsOf(error) });
  }
  if (isFireblocksError(error)) return toAppError(error);
  console.error(`[${requestId}] unhandled error in route: ${redactForLog(error)}`);
  return new AppError({ status: 500, code: 'internal', message: 'Something went wrong on our side.' });
}

/** The JSON error response (status, ErrorBody with requestId, Retry-After when the error carries one). */
export function errorResponse(error: unknown, requestId: string): Response {
  const appError = toAppErrorFromUnknown(error, requestId);
  const headers = new Headers();
  if (appError.retryAfter !== undefined) headers.set('Retry-After', String(Math.max(0, Math.ceil(appError.retryAfter))));
  return Response.json(appError.toBody(requestId), { status: appError.status, headers });
}
