import 'server-only';

import { randomUUID } from 'node:crypto';

import { NextResponse, type NextRequest } from 'next/server';

import { checkApiSession } from '@/lib/auth/api-session';
import { sessionCookie, type CookieAttributes } from '@/lib/auth/cookies';
import type { Role } from '@/lib/auth/roles';
import { isSameOriginRequest } from '@/lib/auth/same-origin';
import { sealSession, sessionMaxAgeSeconds, touchSession, type Session } from '@/lib/auth/session';
import { getConfig, type AppConfig } from '@/lib/config/env';
import { AppError } from '@/lib/errors/app-error';

import { setApiHeaders } from './api-headers';
import { errorResponse } from './errors';

export interface WithSessionOptions {
  /** Minimum role. A session without a mapped group is 403 whatever this says. */
  role: Role;
  /** Refuse cross-site requests (403): for anything that changes state. */
  sameOrigin?: boolean;
  /** Refuse a body that is not `application/json` with 415 before the handler reads it. */
  requireJson?: boolean;
}

export interface RouteContext<P> {
  params: P;
  session: Session;
  /** This app's id for the request, also in the X-Request-ID header and in error bodies. */
  requestId: string;
}

export type RouteHandler<P> = (req: NextRequest, ctx: RouteContext<P>) => Promise<Response> | Response;

type ResponseCookie = CookieAttributes & { name: string; value: string };

const forbidden = (message: string) => new AppError({ status: 403, code: 'forbidden', message });

function assertRequestShape(req: NextRequest, options: WithSessionOptions, appUrl: URL): void {
  if (options.sameOrigin && !isSameOriginRequest(req.headers, appUrl)) throw forbidden('Cross-site requests are refused.');
  if (options.requireJson) {
    const type = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new AppError({ status: 415, code: 'bad_request', message: 'Send the body as application/json.' });
    }
  }
}

/** A re-sealed session cookie when the idle window should slide forward, else undefined. */
async function refreshedCookie(session: Session, now: number, config: AppConfig): Promise<ResponseCookie | undefined> {
  const touched = touchSession(session, now);
  if (!touched) return undefined;
  const spec = sessionCookie(config);
  const value = await sealSession(touched, config.sessionSecret);
  return { name: spec.name, value, ...spec.attributes, maxAge: sessionMaxAgeSeconds(touched, now) };
}

/**
 * Stamps the response with the request id and the API security headers (no-store among them), success or error
 * alike. In place when its headers are writable (the common case: no copy of the body stream per call); a copy
 * when they are not (Response.redirect's) or a refreshed session cookie must be set through NextResponse.
 */
function stamp(res: Response, requestId: string, cookie?: ResponseCookie): Response {
  const out = cookie || !headersWritable(res) ? new NextResponse(res.body, { status: res.status, statusText: res.statusText, headers: res.headers }) : res;
  setApiHeaders(out.headers);
  out.headers.set('X-Request-ID', requestId);
  if (cookie) (out as NextResponse).cookies.set(cookie);
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
 * The wrapper every guarded route.ts exports through: checks the session (401) and role (403) from the
 * cookie on every request, optionally same-origin (403) and JSON content type (415), awaits params,
 * and turns anything thrown into the standard ErrorBody. Slides the idle window on success (proxy.ts
 * does not run on /api/, so this is the only place an API call keeps a session alive).
 */
export function withSession<P extends Record<string, string | string[] | undefined> = Record<string, never>>(
  handler: RouteHandler<P>,
  options: WithSessionOptions,
) {
  return async (req: NextRequest, ctx: { params: Promise<P> }): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const config = getConfig();
      const now = Date.now();
      const session = await checkApiSession(req, { role: options.role }, config, now);
      assertRequestShape(req, options, config.appUrl);
      const res = await handler(req, { params: await ctx.params, session, requestId });
      return stamp(res, requestId, await refreshedCookie(session, now, config));
    } catch (error) {
      return stamp(errorResponse(error, requestId, req.signal), requestId);
    }
  };
}
