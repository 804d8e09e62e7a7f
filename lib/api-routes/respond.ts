import 'server-only';

import type { ZodType } from 'zod';

import { AppError } from '@/lib/errors/app-error';

export interface RespondOptions {
  /** Default 200. */
  status?: number;
  /** Fireblocks' X-Request-ID, passed through as `X-Fireblocks-Request-ID` for support tickets. */
  fireblocksRequestId?: string;
  /**
   * When Fireblocks gave the data (epoch ms), sent as `X-Fireblocks-Read-At` (ISO 8601): a cached read is up to a few
   * seconds older than the answer that carries it.
   */
  readAt?: number;
}

/**
 * The success answer of a route: the body parsed through the app's response schema, so only the declared
 * fields reach the browser. A body that does not fit is the upstream's (or our) fault, never the caller's,
 * so it is a 502 rather than the 400 a thrown ZodError would become.
 */
export function respond<T>(schema: ZodType<T>, body: unknown, options: RespondOptions = {}): Response {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AppError({
      status: 502,
      code: 'upstream_error',
      message: 'Fireblocks sent a response the console could not read',
      fireblocksRequestId: options.fireblocksRequestId,
    });
  }
  const text = JSON.stringify(parsed.data);
  // The length lets the route wrapper leave small answers uncompressed (lib/api-routes/api-headers.ts).
  const headers = new Headers({
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  if (options.fireblocksRequestId) headers.set('X-Fireblocks-Request-ID', options.fireblocksRequestId);
  if (options.readAt !== undefined) headers.set('X-Fireblocks-Read-At', new Date(options.readAt).toISOString());
  return new Response(text, { status: options.status ?? 200, headers });
}

/** A URL's query as a plain record for a zod query schema (the last of repeated keys wins). */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
