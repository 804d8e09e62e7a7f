import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sessionCookie } from '@/lib/auth/cookies';
import { hashSessionId, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, unsealSessionId } from '@/lib/auth/session';
import { createDb } from '@/lib/db';
import { apiSecurityHeaders } from '@/lib/security/headers';
import { sessionCookieHeader, type MintOptions, type TestUser } from '@/testing/app/session-cookie';

import { guardedApi, guardedPage, PUBLIC, type Target } from '../../testing/app/expectations';
import { callsGuard, findRouteFiles } from '../../testing/app/route-files';
import { startWalkServer, type WalkServer } from '../../testing/app/walk-server';

/**
 * Every page and route under app/ refuses a signed-out caller, whatever it sends: no cookie, a tampered
 * seal, a well-sealed cookie whose session is expired or revoked (signed out: a copied cookie), or the
 * `x-middleware-subrequest` header that once let requests skip middleware (CVE-2025-29927). proxy.ts never redirects, so each answer here comes from the file's own
 * guard. A file that is neither guarded nor listed in ./expectations.ts as public by design fails.
 */
let server: WalkServer;
let cookieName: string;
const user: TestUser = { sub: 'alice', name: 'Alice', email: 'alice@example.test', role: 'admin' };
/** A cookie for a session row made in the app's own database (testing/app/session-cookie.ts). */
const mint = (who: TestUser, o: Partial<MintOptions> = {}) =>
  sessionCookieHeader(who, { appUrl: server.appUrl, secret: server.sessionSecret, dataDir: server.dataDir, ...o });

beforeAll(async () => {
  server = await startWalkServer();
  cookieName = sessionCookie({ production: true, appUrl: new URL(server.appUrl) }).name;
}, 600_000);
afterAll(() => server?.close());

const files = findRouteFiles();
const targets: Target[] = files.flatMap((f) => f.methods.map((method) => ({ ...f, method })));

async function attacks(): Promise<Array<[string, Record<string, string>]>> {
  const now = Date.now();
  const valid = (await mint(user)).slice(cookieName.length + 1);
  const mid = Math.floor(valid.length / 2);
  const tampered = valid.slice(0, mid) + (valid[mid] === 'a' ? 'b' : 'a') + valid.slice(mid + 1);
  const idle = await mint(user, {
    createdAt: now - SESSION_IDLE_MS - 60_000,
    lastSeenAt: now - SESSION_IDLE_MS - 1000,
  });
  const old = await mint(user, { createdAt: now - SESSION_ABSOLUTE_MS - 1000, lastSeenAt: now - 1000 });
  const revoked = await mint(user, { revoked: true });
  return [
    ['no cookie', {}],
    ['a tampered cookie', { cookie: `${cookieName}=${tampered}` }],
    ['an idle-expired session', { cookie: idle }],
    ['an absolutely expired session', { cookie: old }],
    ['a revoked session (signed out, cookie copied)', { cookie: revoked }],
    [
      'x-middleware-subrequest',
      {
        'x-middleware-subrequest':
          'proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware',
      },
    ],
  ];
}

function send(target: Target, headers: Record<string, string>): Promise<Response> {
  const hasBody = !['GET', 'HEAD'].includes(target.method);
  return fetch(`${server.appUrl}${target.url}`, {
    method: target.method,
    redirect: 'manual',
    headers: { ...headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    body: hasBody ? '{}' : undefined,
  });
}

describe('route walk', () => {
  it('finds the app’s pages and routes', () => {
    expect(targets.some((t) => t.kind === 'page')).toBe(true);
    expect(targets.some((t) => t.file.startsWith('app/api/'))).toBe(true);
    for (const t of targets.filter((x) => x.kind === 'route')) expect(t.method, t.file).toMatch(/^[A-Z]+$/);
  });

  it.each(files.filter((f) => !PUBLIC[f.file]).map((f) => [f.file, f] as const))(
    '%s calls the guard itself',
    (_file, f) => {
      expect(callsGuard(f)).toBe(true);
    },
  );

  it.each(targets.map((t) => [`${t.method} ${t.url}`, t] as const))(
    '%s refuses every signed-out request',
    async (_label, target) => {
      const publicRule = PUBLIC[target.file];
      const expectation = publicRule?.expect ?? (target.kind === 'page' ? guardedPage : guardedApi);
      for (const [name, headers] of await attacks()) {
        const res = await send(target, headers);
        // Nothing a signed-out caller sends may come back as a session.
        expect(
          res.headers.getSetCookie().filter((c) => c.startsWith(`${cookieName}=Fe26`)),
          name,
        ).toEqual([]);
        await expectation(res, target).catch((error: unknown) => {
          throw new Error(
            `${target.method} ${target.url} with ${name}: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
      }
    },
  );
});

describe('positive controls (the refusals above are not the server failing)', () => {
  it('a valid session is let in: /api/me and /no-access answer 200', async () => {
    const cookie = await mint(user);
    const me = await fetch(`${server.appUrl}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: 'Alice', role: 'admin' });
    const page = await fetch(`${server.appUrl}/no-access`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
    await page.body?.cancel();
  });
});

describe('admin-only pages', () => {
  it('a viewer opening the edit page is sent to the read-only key page, before anything streams', async () => {
    const cookie = await mint({ ...user, sub: 'vera', role: 'viewer' });
    const edit = targets.find((t) => t.kind === 'page' && t.url.endsWith('/edit'));
    expect(edit).toBeDefined();
    const res = await fetch(`${server.appUrl}${edit?.url ?? ''}`, { headers: { cookie }, redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location') ?? '', server.appUrl).pathname).toBe(edit?.url.replace(/\/edit$/, ''));
    await res.body?.cancel();
  });
});

describe('idle window', () => {
  it('a page navigation and an API call record activity in the session row (at most once a minute), never in the cookie', async () => {
    for (const path of ['/no-access', '/api/me']) {
      const now = Date.now();
      const cookie = await mint(user, { createdAt: now - 600_000, lastSeenAt: now - 300_000 });
      const res = await fetch(`${server.appUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
      expect(res.status, path).toBe(200);
      expect(
        res.headers.getSetCookie().filter((c) => c.startsWith(`${cookieName}=`)),
        path,
      ).toEqual([]);
      await res.body?.cancel();
      const lastSeen = await lastSeenOf(cookie);
      expect(lastSeen, path).toBeGreaterThanOrEqual(now);
      // Within the minute, the next request writes nothing.
      await (await fetch(`${server.appUrl}${path}`, { headers: { cookie }, redirect: 'manual' })).body?.cancel();
      expect(await lastSeenOf(cookie), path).toBe(lastSeen);
    }
  });
});

/** The row's last_seen_at (epoch ms) of a minted cookie. */
async function lastSeenOf(cookie: string): Promise<number> {
  const id = await unsealSessionId(cookie.slice(cookieName.length + 1), server.sessionSecret);
  const db = createDb({ dataDir: server.dataDir });
  try {
    const row = await db.kysely
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('id_hash', '=', hashSessionId(id ?? ''))
      .executeTakeFirstOrThrow();
    return Date.parse(row.last_seen_at);
  } finally {
    await db.close();
  }
}

describe('security headers', () => {
  it('pages: a fresh CSP nonce per request on every script, and the hardening headers', async () => {
    const [a, b] = await Promise.all([fetch(`${server.appUrl}/`), fetch(`${server.appUrl}/`)]);
    const csp = a.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(b.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "'strict-dynamic'",
      'form-action',
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    const scripts = (await a.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    await b.body?.cancel();
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect(a.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(a.headers.get('permissions-policy')).toContain('camera=()');
    expect(a.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(a.headers.get('x-powered-by')).toBeNull();
  });

  // What lib/security/headers.ts says, as the server sends it, Cache-Control included: next.config.js repeats these
  // for Next's own /api/ answers, and Next lets that copy override a route's value, so a drift between the two shows here.
  const expectApiHeaders = (res: Response, label: string, headers = apiSecurityHeaders(true)) => {
    const { 'Strict-Transport-Security': _hsts, ...expected } = headers;
    for (const [name, value] of Object.entries(expected))
      expect(res.headers.get(name), `${label}: ${name}`).toBe(value);
    expect(res.headers.get('content-security-policy'), label).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-powered-by'), label).toBeNull();
  };

  it('API answers (proxy.ts skips /api/): no-store, nosniff, a nothing-allowed CSP, HSTS and a request id', async () => {
    const res = await fetch(`${server.appUrl}/api/cosigners`);
    expect(res.status).toBe(401);
    expectApiHeaders(res, '401');
    expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await res.body?.cancel();
  });

  it('the public health check and the answers Next gives itself under /api/ (unknown path, wrong method, OPTIONS) too', async () => {
    const health = await fetch(`${server.appUrl}/api/health`);
    expectApiHeaders(health, 'health');
    expect(health.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(health.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    await health.body?.cancel();
    const framework = [
      ['unknown path', '/api/no-such-route', 'GET', 404],
      ['wrong method', '/api/me', 'DELETE', 405],
      ['wrong method on a list', '/api/cosigners', 'DELETE', 405],
      [
        'wrong method on the PATCH route',
        '/api/cosigners/44fcead0-7053-4831-a53a-df7fb90d440f/api-keys/k1',
        'PUT',
        405,
      ],
      ['OPTIONS', '/api/cosigners', 'OPTIONS', 204],
      ['OPTIONS on the PATCH route', '/api/cosigners/44fcead0-7053-4831-a53a-df7fb90d440f/api-keys/k1', 'OPTIONS', 204],
    ] as const;
    for (const [label, path, method, status] of framework) {
      const res = await fetch(`${server.appUrl}${path}`, { method, redirect: 'manual' });
      expect(res.status, label).toBe(status);
      // Next's not-found page sets its own Cache-Control over next.config's: 'private, no-cache, no-store, ...'.
      const { 'Cache-Control': _cache, ...others } = apiSecurityHeaders(true);
      expectApiHeaders(res, label, status === 404 ? others : undefined);
      expect(res.headers.get('cache-control'), label).toMatch(/(^|,\s*)no-store(,|$)/);
      await res.body?.cancel();
    }
  });
});
