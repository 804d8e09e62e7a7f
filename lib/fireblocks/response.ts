import 'server-only';

import type { z } from 'zod';

import { FireblocksError } from './fireblocks-error';
import { parseRetryAfter } from './retry';
import { errorBodySchema } from './upstream-schemas';

/** Fireblocks' message is shown to users and logged; cap it in case a proxy answers with a page of HTML. */
const MAX_MESSAGE = 300;

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  attempt: number;
}

export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? undefined;
}

/** A non-2xx answer as a FireblocksError carrying status, Fireblocks' code and message, and X-Request-ID. */
export function httpError(raw: RawResponse): FireblocksError {
  const body = errorBodySchema.safeParse(tryJson(raw.text));
  const message =
    body.success && body.data.message
      ? body.data.message.slice(0, MAX_MESSAGE)
      : `Fireblocks answered HTTP ${raw.status}`;
  const retryAfterMs = parseRetryAfter(raw.headers.get('retry-after'));
  return new FireblocksError({
    kind: 'http',
    message,
    status: raw.status,
    code: body.success ? body.data.code : undefined,
    fireblocksRequestId: requestIdOf(raw.headers),
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    attempts: raw.attempt,
  });
}

/** A 2xx body through its response schema; anything unreadable is an `invalid_response` (paths, never values). */
export function parseBody<T>(raw: RawResponse, schema: z.ZodType<T>): T {
  const fail = (message: string) =>
    new FireblocksError({
      kind: 'invalid_response',
      message,
      status: raw.status,
      fireblocksRequestId: requestIdOf(raw.headers),
      attempts: raw.attempt,
    });
  const json = tryJson(raw.text);
  if (json === undefined) throw fail('Fireblocks sent a body that is not JSON');
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(root)');
    throw fail(`Fireblocks sent an unexpected response (at ${where.join(', ')})`);
  }
  return parsed.data;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
