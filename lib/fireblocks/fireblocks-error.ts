import 'server-only';

import { AppError } from '@/lib/errors/app-error';

/** `invalid_request`: refused before sending (a path parameter that would change the path); nothing went out. */
export type FireblocksErrorKind = 'http' | 'timeout' | 'network' | 'invalid_response' | 'invalid_request';

export interface FireblocksErrorOptions {
  kind: FireblocksErrorKind;
  /** Safe text: Fireblocks' own `message`, or ours. Never the key, the JWT or a request header. */
  message: string;
  /** HTTP status Fireblocks answered with (kind `http`, and `invalid_response` when there was one). */
  status?: number;
  /** Fireblocks' numeric `code` from the error body (e.g. -1 invalid signature, -10 expired). */
  code?: number;
  /** Fireblocks' `X-Request-ID`, to quote to Fireblocks support. */
  fireblocksRequestId?: string;
  /** Seconds from `Retry-After` on a 429/503 the client did not wait out itself. */
  retryAfterSeconds?: number;
  /** How many HTTP attempts were made (reads may retry). */
  attempts?: number;
  cause?: unknown;
}

/**
 * Marks a FireblocksError whatever copy of this module made it. Next.js may load a module once per route bundle, and
 * the process's one client (and its read cache) is shared by all of them, so an error can come from another copy of
 * this class than the one a route's `instanceof` would test.
 */
const BRAND = Symbol.for('cosigner-console.FireblocksError');

/** A failed call to Fireblocks, as a typed value. */
export class FireblocksError extends Error {
  override name = 'FireblocksError';
  readonly [BRAND] = true;
  readonly kind: FireblocksErrorKind;
  readonly status?: number;
  readonly code?: number;
  readonly fireblocksRequestId?: string;
  readonly retryAfterSeconds?: number;
  readonly attempts?: number;

  constructor(o: FireblocksErrorOptions) {
    super(o.message, o.cause === undefined ? undefined : { cause: o.cause });
    this.kind = o.kind;
    this.status = o.status;
    this.code = o.code;
    this.fireblocksRequestId = o.fireblocksRequestId;
    this.retryAfterSeconds = o.retryAfterSeconds;
    this.attempts = o.attempts;
  }
}

export function isFireblocksError(e: unknown): e is FireblocksError {
  return e instanceof FireblocksError || (e instanceof Error && BRAND in e && e[BRAND] === true);
}

/**
 * Upstream failure -> what the console's API answers. Client-side mistakes Fireblocks reports (400/404/409/429)
 * keep their status; a credentials refusal is the console's fault, not the user's, so it is a 502 like any other
 * upstream failure; a timeout is a 504.
 */
export function toAppError(e: FireblocksError): AppError {
  const fireblocksRequestId = e.fireblocksRequestId;
  const upstream = (message: string) =>
    new AppError({ status: 502, code: 'upstream_error', message, fireblocksRequestId });
  if (e.kind === 'timeout') {
    return new AppError({
      status: 504,
      code: 'upstream_timeout',
      message: 'Fireblocks did not answer in time',
      fireblocksRequestId,
    });
  }
  if (e.kind === 'invalid_request')
    return new AppError({ status: 400, code: 'bad_request', message: 'The request names an id that is not valid.' });
  if (e.kind === 'network') return upstream('Fireblocks could not be reached');
  if (e.kind === 'invalid_response') return upstream('Fireblocks sent a response the console could not read');
  switch (e.status) {
    case 400:
      return new AppError({
        status: 400,
        code: 'bad_request',
        message: `Fireblocks refused the request: ${e.message}`,
        fireblocksRequestId,
      });
    case 404:
      return new AppError({
        status: 404,
        code: 'not_found',
        message: `Not found at Fireblocks: ${e.message}`,
        fireblocksRequestId,
      });
    case 409:
      return new AppError({
        status: 409,
        code: 'conflict',
        message: `Fireblocks reports a conflict: ${e.message}`,
        fireblocksRequestId,
      });
    case 429:
      // Not the user's doing: the API user's shared budget is spent; the console holds back (upstream-gate.ts).
      return new AppError({
        status: 429,
        code: 'upstream_throttled',
        message:
          e.retryAfterSeconds === undefined
            ? 'Fireblocks is rate-limiting this console; try again shortly'
            : `Fireblocks is rate-limiting this console; try again in ${e.retryAfterSeconds} s`,
        fireblocksRequestId,
        retryAfter: e.retryAfterSeconds,
      });
    case 401:
    case 403:
      return upstream("Fireblocks refused the console's credentials");
    default:
      return upstream(`Fireblocks failed to answer (HTTP ${e.status ?? 'unknown'})`);
  }
}
