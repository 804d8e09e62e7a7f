import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { hashSessionId, sealSessionId, unsealSessionId, type Session } from '@/lib/auth/session';
import { endSessionOfCookie, startSession } from '@/lib/auth/session-store';
import { closeDb, getDb, migrateToLatest } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { logger } from '@/lib/log/logger';
import { BACKGROUND_REQUEST_HEADER } from './background-request';

import { withSession } from './with-session';

const SECRET = 'a-test-session-secret-of-at-least-32-chars';
const APP = 'http://localhost:3999';

const dataDir = mkdtempSync(path.join(tmpdir(), 'cosigner-handler-test-'));

beforeAll(async () => {
  // getConfig() and getDb() read these once; the handler under test runs against them.
  for (const [k, v] of Object.entries({
    FIREBLOCKS_BASE_URL: 'http://127.0.0.1:9/v1',
    FIREBLOCKS_API_KEY: 'k',
    FIREBLOCKS_SECRET_KEY: 'unused',
    OIDC_ISSUER: 'http://127.0.0.1:9',
    OIDC_CLIENT_ID: 'c',
    OIDC_CLIENT_SECRET: 's',
    SESSION_SECRET: SECRET,
    APP_URL: APP,
    DATA_DIR: dataDir,
  }))
    vi.stubEnv(k, v);
  await migrateToLatest(getDb());
});
afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

const user = (role: Session['user']['role']) => ({ sub: 'u', name: 'U', email: 'u@example.test', role });
/** A real session: its row in the app's database (through the session store), its id sealed into the cookie. */
async function cookieFor(role: Session['user']['role'], ageMs = 0): Promise<string> {
  const { id } = await startSession(
    getDb(),
    { iss: 'http://127.0.0.1:9', user: user(role), authTime: null },
    Date.now() - ageMs,
  );
  return `cc_session=${await sealSessionId(id, SECRET)}`;
}
const req = (headers: Record<string, string> = {}, method = 'GET') =>
  new NextRequest(`${APP}/api/x`, { method, headers });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

const echo = withSession<{ id: string }>(
  (_req, { params: p, session, requestId }) => Response.json({ id: p.id, role: session.user.role, requestId }),
  { role: 'viewer' },
);
const admin = withSession(() => Response.json({ ok: true }, { status: 202 }), {
  role: 'admin',
  sameOrigin: true,
  requireJson: true,
});

describe('withSession', () => {
  it('passes params, session and a request id (also in X-Request-ID), with no-store', async () => {
    const res = await echo(req({ cookie: await cookieFor('viewer') }), params({ id: 'abc' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { requestId: string };
    expect(body).toMatchObject({ id: 'abc', role: 'viewer' });
    expect(res.headers.get('X-Request-ID')).toBe(body.requestId);
    expect(res.headers.get('Cache-Control')).toBe('no-store, no-transform');
  });

  it.each([
    ['no cookie', {}],
    ['a garbage cookie', { cookie: 'cc_session=Fe26.2**garbage' }],
  ])('401 with %s', async (_label, headers) => {
    const res = await echo(req(headers), params({ id: 'a' }));
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.requestId).toBe(res.headers.get('X-Request-ID'));
  });

  it('401 for an idle-expired session, 403 for no role and for a viewer on an admin route', async () => {
    expect((await echo(req({ cookie: await cookieFor('viewer', 31 * 60_000) }), params({ id: 'a' }))).status).toBe(401);
    expect((await echo(req({ cookie: await cookieFor(null) }), params({ id: 'a' }))).status).toBe(403);
    const viewer = await admin(
      req(
        { cookie: await cookieFor('viewer'), 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
        'PATCH',
      ),
      params({}),
    );
    expect(viewer.status).toBe(403);
  });

  it('admin route: 403 cross-site, 415 without JSON, 202 when all is right', async () => {
    const cookie = await cookieFor('admin');
    const json = { 'content-type': 'application/json; charset=utf-8' };
    expect((await admin(req({ cookie, ...json, 'sec-fetch-site': 'cross-site' }, 'PATCH'), params({}))).status).toBe(
      403,
    );
    expect((await admin(req({ cookie, ...json }, 'PATCH'), params({}))).status).toBe(403);
    expect((await admin(req({ cookie, 'content-type': 'text/plain', origin: APP }, 'PATCH'), params({}))).status).toBe(
      415,
    );
    expect((await admin(req({ cookie, ...json, origin: APP }, 'PATCH'), params({}))).status).toBe(202);
  });

  it('records activity in the row once lastSeenAt is over a minute old, and never sets a cookie', async () => {
    const cookie = await cookieFor('viewer', 5 * 60_000);
    const idHash = hashSessionId((await unsealSessionId(cookie.slice('cc_session='.length), SECRET)) ?? '');
    const lastSeen = async () =>
      Date.parse(
        (
          await getDb()
            .kysely.selectFrom('sessions')
            .select('last_seen_at')
            .where('id_hash', '=', idHash)
            .executeTakeFirstOrThrow()
        ).last_seen_at,
      );
    const before = await lastSeen();
    const res = await echo(req({ cookie }), params({ id: 'a' }));
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    const after = await lastSeen();
    expect(after).toBeGreaterThan(before);
    // Within the minute, no second write.
    await echo(req({ cookie }), params({ id: 'a' }));
    expect(await lastSeen()).toBe(after);
  });

  it('a request the page marks as its own (a poll) reads the session without recording activity', async () => {
    const cookie = await cookieFor('viewer', 5 * 60_000);
    const idHash = hashSessionId((await unsealSessionId(cookie.slice('cc_session='.length), SECRET)) ?? '');
    const lastSeen = async () =>
      (
        await getDb()
          .kysely.selectFrom('sessions')
          .select('last_seen_at')
          .where('id_hash', '=', idHash)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const before = await lastSeen();
    const polled = await echo(req({ cookie, [BACKGROUND_REQUEST_HEADER]: '1' }), params({ id: 'a' }));
    expect(polled.status).toBe(200);
    expect(await lastSeen()).toBe(before);
    // The same request without the mark is the admin's: it records.
    await echo(req({ cookie }), params({ id: 'a' }));
    expect(await lastSeen()).not.toBe(before);
  });

  it('a request refused for its role, its origin or its body type does not count as activity', async () => {
    const lastSeenOf = async (cookie: string) => {
      const idHash = hashSessionId((await unsealSessionId(cookie.slice('cc_session='.length), SECRET)) ?? '');
      return (
        await getDb()
          .kysely.selectFrom('sessions')
          .select('last_seen_at')
          .where('id_hash', '=', idHash)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    };
    const json = { 'content-type': 'application/json' };
    const viewer = await cookieFor('viewer', 5 * 60_000);
    const viewerBefore = await lastSeenOf(viewer);
    expect((await admin(req({ cookie: viewer, ...json, origin: APP }, 'PATCH'), params({}))).status).toBe(403);
    expect(await lastSeenOf(viewer)).toBe(viewerBefore);
    const adminCookie = await cookieFor('admin', 5 * 60_000);
    const adminBefore = await lastSeenOf(adminCookie);
    const crossSite = { cookie: adminCookie, ...json, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    expect((await admin(req(crossSite, 'PATCH'), params({}))).status).toBe(403);
    const notJson = { cookie: adminCookie, 'content-type': 'text/plain', origin: APP };
    expect((await admin(req(notJson, 'PATCH'), params({}))).status).toBe(415);
    expect(await lastSeenOf(adminCookie)).toBe(adminBefore);
    // The same admin's accepted request does.
    expect((await admin(req({ cookie: adminCookie, ...json, origin: APP }, 'PATCH'), params({}))).status).toBe(202);
    expect(await lastSeenOf(adminCookie)).not.toBe(adminBefore);
  });

  it('401 once the session is revoked, whatever the cookie says', async () => {
    const cookie = await cookieFor('viewer');
    expect((await echo(req({ cookie }), params({ id: 'a' }))).status).toBe(200);
    await endSessionOfCookie(getDb(), cookie.slice('cc_session='.length), SECRET, Date.now());
    expect((await echo(req({ cookie }), params({ id: 'a' }))).status).toBe(401);
  });

  it('stamps a response whose headers are immutable (Response.redirect) through a copy', async () => {
    const redirect = withSession(() => Response.redirect(`${APP}/signed-out`, 303), { role: 'viewer' });
    const res = await redirect(req({ cookie: await cookieFor('viewer') }), params({}));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${APP}/signed-out`);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
  });

  it('maps what the handler throws', async () => {
    const zod = withSession(() => z.object({ pageSize: z.number() }).parse({ pageSize: 'x' }) && new Response(), {
      role: 'viewer',
    });
    const res = await zod(req({ cookie: await cookieFor('viewer') }), params({}));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: object } }).error.fields).toHaveProperty('pageSize');
    const app = withSession(
      () => {
        throw new AppError({ status: 404, code: 'not_found', message: 'No such key.' });
      },
      { role: 'viewer' },
    );
    expect((await app(req({ cookie: await cookieFor('viewer') }), params({}))).status).toBe(404);
  });

  it('stamps the API security headers on successes, errors and 401s alike (proxy.ts skips /api/)', async () => {
    const ok = await echo(req({ cookie: await cookieFor('viewer') }), params({ id: 'a' }));
    const unauthenticated = await echo(req(), params({ id: 'a' }));
    const thrown = withSession(
      () => {
        throw new Error('boom');
      },
      { role: 'viewer' },
    );
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const failed = await thrown(req({ cookie: await cookieFor('viewer') }), params({}));
    for (const [label, res] of [
      ['200', ok],
      ['401', unauthenticated],
      ['500', failed],
    ] as const) {
      expect(res.status.toString(), label).toBe(label);
      expect(res.headers.get('content-security-policy'), label).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), label).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), label).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-frame-options'), label).toBe('DENY');
      // Small answers also carry no-transform (no gzip: lib/api-routes/api-headers.ts).
      expect(res.headers.get('cache-control'), label).toBe('no-store, no-transform');
      // NODE_ENV is 'test' here: HSTS is for production only.
      expect(res.headers.get('strict-transport-security'), label).toBeNull();
    }
    vi.restoreAllMocks();
  });

  it('answers a request the client aborted with a quiet 499, not a logged 500', async () => {
    const log = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const controller = new AbortController();
    // What the Fireblocks client does: the fetch rejects with the request signal's reason, rethrown unchanged.
    const route = withSession(
      (r) => {
        controller.abort();
        throw r.signal.reason;
      },
      { role: 'viewer' },
    );
    const aborted = new NextRequest(`${APP}/api/x`, {
      headers: { cookie: await cookieFor('viewer') },
      signal: controller.signal,
    });
    const res = await route(aborted, params({}));
    expect(res.status).toBe(499);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Request was cancelled.');
    expect(log).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('marks every answer no-store, no-transform, large or small (next.config.js sends the same for all of /api/)', async () => {
    const sized = (bytes: number) =>
      withSession(() => new Response('x'.repeat(bytes), { headers: { 'Content-Length': String(bytes) } }), {
        role: 'viewer',
      });
    const cookie = await cookieFor('viewer');
    for (const bytes of [10, 64 * 1024]) {
      expect((await sized(bytes)(req({ cookie }), params({}))).headers.get('cache-control'), String(bytes)).toBe(
        'no-store, no-transform',
      );
    }
  });
});
