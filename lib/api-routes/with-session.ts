import 'server-only';

import { randomUUID } from 'node:crypto';

import { NextResponse, type NextRequest } from 'next/server';

import { checkApiSession, recordSessionActivity } from '@/lib/auth/route-guard';
import type { Role } from '@/lib/auth/roles';
import { isSameOriginRequest } from '@/lib/auth/same-origin';
import type { Session } from '@/lib/auth/session';
import { getConfig } from '@/lib/config/env';
import { AppError } from '@/lib/errors/app-error';

import { setApiHeaders } from './api-headers';
import { BACKGROUND_REQUEST_HEADER } from './background-request';
import { errorResponse } from './error-response';

export interface WithSessionOptions {
  /** Minimum role. A session without a mapped group is 403 whatever this says. */
  role: Role;
  /** Refuse cross-site requests (403): for anything that changes state. */
  sameOrigin?: boolean;
  /** Refuse a body that is not `application/json` with 415 before the handler reads it. */
  requireJson?: boolean;
  /**
   * False: the request never extends the session's idle window (reads a page polls on its own). Default true, except
   * for a request the page marks as made on its own (BACKGROUND_REQUEST_HEADER).
   */
  recordsActivity?: boolean;
}

interface RouteContext<P> {
  params: P;
  session: Session;
  /** This app's id for the request, also in the X-Request-ID header and in error bodies. */
  requestId: string;
}

export type RouteHandler<P> = (req: NextRequest, ctx: RouteContext<P>) => Promise<Response> | Response;

const forbidden = (message: string) => new AppError({ status: 403, code: 'forbidden', message });

function assertRequestShape(req: NextRequest, options: WithSessionOptions, appUrl: URL): void {
  if (options.sameOrigin && !isSameOriginRequest(req.headers, appUrl))
    throw forbidden('Cross-site requests are refused.');
  if (options.requireJson) {
    const type = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new AppError({ status: 415, code: 'bad_request', message: 'Send the body as application/json.' });
    }
  }
}

/**
 * Stamps the response with the request id and the API security headers (no-store among them), success or error
 * alike. In place when its headers are writable (the common case: no copy of the body stream per call); a copy
 * when they are not (Response.redirect's).
 */
function stamp(res: Response, requestId: string): Response {
  const out = headersWritable(res)
    ? res
    : new NextResponse(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
  setApiHeaders(out.headers);
  out.headers.set('X-Request-ID', requestId);
  return out;
}

function headersWritable(res: Response): boolean {
  try {
    res.headers.set('X-Request-ID', '');
    return true;
  } catch {
    return false;
  }
}

/**
 * The wrapper every guarded route.ts exports through: checks the session (401: its row must be live, so a revoked
 * cookie is refused at once) and role (403) on every request, optionally same-origin (403) and JSON content type
 * (415), awaits params, and turns anything thrown into the standard ErrorBody. A request that passed those checks
 * records the activity that keeps the session's idle window open (in the row; the cookie never changes).
 */
export function withSession<P extends Record<string, string | string[] | undefined> = Record<string, never>>(
  handler: RouteHandler<P>,
  options: WithSessionOptions,
) {
  return async (req: NextRequest, ctx: { params: Promise<P> }): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const config = getConfig();
      // Read without recording activity: a request refused for its role, its origin or its body's type is not the
      // user at work, and must not keep an idle session alive. Recorded once it passed every check.
      const read = await checkApiSession(req, { role: options.role, recordsActivity: false }, config);
      assertRequestShape(req, options, config.appUrl);
      const session =
        options.recordsActivity !== false && req.headers.get(BACKGROUND_REQUEST_HEADER) !== '1'
          ? await recordSessionActivity(read)
          : read;
      const res = await handler(req, { params: await ctx.params, session, requestId });
      return stamp(res, requestId);
    } catch (error) {
      return stamp(errorResponse(error, requestId, req.signal), requestId);
    }
  };
}
