import 'server-only';

import { $ZodError } from 'zod/v4/core';

import { issuesToFields } from '@/lib/callback-handler/fields';
import { AppError } from '@/lib/errors/app-error';
import { isFireblocksError, toAppError } from '@/lib/fireblocks/fireblocks-error';

import { logger } from '@/lib/log/logger';
import { countRateLimitRejection } from '@/lib/metrics/registry';

/**
 * nginx's "client closed request": non-standard, but within the 200-599 a Response accepts, and it keeps
 * cancelled requests apart from real 4xx/5xx in access logs. Nobody reads the body: the client has gone.
 */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * Whether the error is the client going away: the request's own signal fired (the Fireblocks client
 * rethrows its reason unchanged), or an AbortError surfaced without the signal at hand. A timeout is
 * not this: lib/fireblocks turns its own timeouts into FireblocksError 'timeout' (504).
 */
function isClientAbort(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * The one mapper from anything thrown in a route to the AppError the client sees. Validation errors
 * become 400 with field messages, upstream failures keep their mapped status, a request the client
 * cancelled is a quiet 499 (routine: a closed tab, a superseded query), and anything unexpected is a
 * generic 500 whose detail stays in the server log (redacted), never in the body.
 */
function toAppErrorFromUnknown(error: unknown, requestId: string, signal?: AbortSignal): AppError {
  if (error instanceof AppError) return error;
  if (isClientAbort(error, signal)) {
    return new AppError({ status: CLIENT_CLOSED_REQUEST, code: 'bad_request', message: 'Request was cancelled.' });
  }
  if (error instanceof $ZodError) {
    // Field path -> first message (`callbackHandler.url`, `body` for the whole body); unknown keys named up to a cap.
    return new AppError({
      status: 400,
      code: 'bad_request',
      message: 'Some fields are invalid.',
      fields: issuesToFields(error.issues),
    });
  }
  if (isFireblocksError(error)) return toAppError(error);
  logger.error({ requestId, err: error }, 'unhandled error in route');
  return new AppError({ status: 500, code: 'internal', message: 'Something went wrong on our side.' });
}

/**
 * The JSON error response (status, ErrorBody with requestId, Retry-After when the error carries one).
 * `signal` is the request's, to tell a client that went away from a failure.
 */
export function errorResponse(error: unknown, requestId: string, signal?: AbortSignal): Response {
  const appError = toAppErrorFromUnknown(error, requestId, signal);
  if (appError.status === 429) countRateLimitRejection(appError.code);
  const headers = new Headers();
  if (appError.retryAfter !== undefined)
    headers.set('Retry-After', String(Math.max(0, Math.ceil(appError.retryAfter))));
  // The rest of a 408's body never came: the connection cannot carry another request, so free the socket (RFC 9110).
  if (appError.status === 408) headers.set('Connection', 'close');
  return Response.json(appError.toBody(requestId), { status: appError.status, headers });
}
