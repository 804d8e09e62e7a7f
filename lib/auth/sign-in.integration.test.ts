import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { NextRequest } from 'next/server';
import { unsealData } from 'iron-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { streamAuditEvents } from '@/lib/audit/read';
import type { AuditEvent } from '@/lib/audit/audit-event-schema';
import { parseConfig, type AppConfig } from '@/lib/config/env';
import { createDb, migrateToLatest, type Db } from '@/lib/db';
import { startDevIdp, type DevIdp } from '@/idp/index';
import { createTestDatabase, type TestDatabase } from '@/testing/db/test-databases';

import { createCallbackGuard } from './callback-guard';
import { browserCookie, loginCookie, logoutHintCookie, sessionCookie } from './cookies';

import { hashSessionId, sessionHandle } from './session';
import { endOwnSessions, sessionFromCookie } from './session-store';
import {
  handleCallback as handleCallbackOn,
  handleLogin as handleLoginOn,
  handleLogout as handleLogoutOn,
} from './sign-in-routes';

// The whole sign-in against the real dev IdP over HTTP, no browser: the app's route logic runs in-process,
// the IdP's login form is fetched and posted like a browser would, following redirects by hand.
const APP = 'http://localhost:3999';
let idp: DevIdp;
let config: AppConfig;
// The console's own database (SQLite here; the store suite covers PostgreSQL): session rows and audit events.
let testDb: TestDatabase;
let db: Db;
const stringContaining = (text: string): unknown => expect.stringContaining(text);
const handleCallback = (req: NextRequest, c: AppConfig) => handleCallbackOn(req, c, Date.now(), db);
const handleLogout = (req: NextRequest, c: AppConfig) => handleLogoutOn(req, c, Date.now(), db);
const handleLogin = (req: NextRequest, c: AppConfig) => handleLoginOn(req, c, Date.now(), db);

async function eventsSince(seq: number): Promise<AuditEvent[]> {
  const all: AuditEvent[] = [];
  for await (const e of streamAuditEvents(db)) if (e.seq > seq) all.push(e);
  return all;
}
const headSeq = async () =>
  (
    await db.kysely
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst()
  )?.seq ?? 0;

beforeAll(async () => {
  testDb = await createTestDatabase('sqlite');
  db = createDb(testDb);
  await migrateToLatest(db);
  idp = await startDevIdp({
    port: 0,
    clients: [
      {
        clientId: 'console-test',
        clientSecret: 'test-secret',
        redirectUris: [`${APP}/auth/callback`],
        postLogoutRedirectUris: [`${APP}/`],
      },
    ],
  });
  config = parseConfig({
    NODE_ENV: 'test',
    FIREBLOCKS_BASE_URL: 'http://127.0.0.1:9/v1',
    FIREBLOCKS_API_KEY: 'unused',
    FIREBLOCKS_SECRET_KEY: 'unused',
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: 'console-test',
    OIDC_CLIENT_SECRET: 'test-secret',
    SESSION_SECRET: 'a-test-session-secret-of-at-least-32-chars',
    APP_URL: APP,
  });
});
afterAll(async () => {
  await idp.close();
  await db.close();
  await testDb.drop();
});

/** Cookie jar for the IdP's own cookies (interaction, session), keyed by name. */
type Jar = ReturnType<typeof jar>;
function jar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    take(res: Response) {
      for (const line of res.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const eq = pair.indexOf('=');
        cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
      }
    },
  };
}

/**
 * Follows IdP redirects until one leaves the IdP (the app callback); posts the form when it appears. `shown`
 * records whether the login form was asked for (an IdP session signs in silently). The jar is the browser's.
 */
async function signInAtIdp(
  start: string,
  username: string,
  idpJar: Jar = jar(),
  shown: { form: boolean; html?: string } = { form: false },
): Promise<URL> {
  let next: { url: string; init?: RequestInit } = { url: start };
  for (let hop = 0; hop < 10; hop += 1) {
    const res = await fetch(next.url, {
      redirect: 'manual',
      ...next.init,
      headers: { cookie: idpJar.header(), ...next.init?.headers },
    });
    idpJar.take(res);
    const location = res.headers.get('location');
    if (location) {
      const url = new URL(location, next.url);
      if (url.origin !== idp.issuer) return url;
      next = { url: url.href };
      continue;
    }
    const html = await res.text();
    // Signing another account in over a live IdP session: oidc-provider ends the old one through a page that
    // submits itself, as a browser would.
    const selfSubmitting = /<form method="post" action="([^"]+)">/.exec(html);
    if (html.includes('document.forms[0].submit()') && selfSubmitting?.[1]) {
      const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)];
      next = {
        url: new URL(selfSubmitting[1], next.url).href,
        init: {
          method: 'POST',
          body: new URLSearchParams(hidden.map((m) => [m[1] ?? '', m[2] ?? ''])).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      };
      continue;
    }
    expect(html).toContain('<label for="username">Username</label>');
    shown.form = true;
    shown.html = html;
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`IdP answered ${res.status} without a form`);
    const body = new URLSearchParams({ username, password: 'anything' }).toString();
    next = {
      url: new URL(action, idp.issuer).href,
      init: { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    };
  }
  throw new Error('too many redirects at the IdP');
}

async function signIn(username: string, returnTo = '/cosigners?pageSize=20', idpJar?: Jar, shown?: { form: boolean }) {
  const login = await handleLogin(
    new NextRequest(`${APP}/auth/login?returnTo=${encodeURIComponent(returnTo)}`),
    config,
  );
  expect(login.status).toBe(303);
  const authUrl = new URL(login.headers.get('location') ?? '');
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authUrl.searchParams.get('scope')).toBe('openid profile email groups');
  const loginValue = login.headers.getSetCookie().find((c) => c.startsWith(`${loginCookie(config).name}=`));
  expect(loginValue).toMatch(/HttpOnly/i);
  const callbackUrl = await signInAtIdp(authUrl.href, username, idpJar, shown);
  expect(callbackUrl.href.startsWith(`${APP}/auth/callback?`)).toBe(true);
  const callback = await handleCallback(
    new NextRequest(callbackUrl, { headers: { cookie: (loginValue ?? '').split(';')[0] ?? '' } }),
    config,
  );
  return { callback, callbackUrl, authUrl, loginCookieHeader: (loginValue ?? '').split(';')[0] ?? '' };
}

/** The session cookie a response sets, as a Cookie header. */
function cookieFrom(res: Response): string {
  const name = sessionCookie(config).name;
  return (res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? '').split(';')[0] ?? '';
}

function sessionFrom(res: Response) {
  return sessionFromCookie(
    cookieFrom(res).slice(sessionCookie(config).name.length + 1),
    config.sessionSecret,
    Date.now(),
    db,
  );
}

describe('OIDC sign-in against the dev IdP', () => {
  it.each([
    ['alice', 'admin', 'Alice'],
    ['vera', 'viewer', 'Vera'],
    ['nora', null, 'Nora'],
  ] as const)('%s signs in with role %s; the sign-in is in the audit trail', async (username, role, name) => {
    const seq = await headSeq();
    const started = Date.now();
    const { callback } = await signIn(username);
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(`${APP}/cosigners?pageSize=20`);
    const session = await sessionFrom(callback);
    expect(session?.user).toEqual({ sub: username, name, email: `${username}@example.test`, role });
    expect(session?.iss).toBe(idp.issuer);
    // auth_time from the ID token (seconds, so up to a second before the test started), for the approval step-up.
    expect(session?.authTime).toBeGreaterThan(started - 1000);
    expect(session?.authTime).toBeLessThanOrEqual(Date.now());
    // The cookie holds only the sealed random id: the row is the session, and holds no OIDC tokens.
    const sealed = await unsealData<unknown>(cookieFrom(callback).slice(sessionCookie(config).name.length + 1), {
      password: config.sessionSecret,
    });
    expect(Object.keys(sealed as object).sort()).toEqual(['id', 'kind']);
    expect(hashSessionId((sealed as { id: string }).id)).toBe(session?.idHash);
    expect(Object.keys(session ?? {}).sort()).toEqual(
      ['authTime', 'createdAt', 'device', 'expiresAt', 'iss', 'lastSeenAt', 'user', 'idHash'].sort(),
    );
    const actor = { iss: idp.issuer, sub: username, email: `${username}@example.test`, name, role };
    const handle = sessionHandle(session?.idHash ?? '');
    expect(await eventsSince(seq)).toMatchObject([
      role === null
        ? { kind: 'sign_in_refused', actor, detail: { reason: 'no mapped group', session: handle } }
        : { kind: 'sign_in', actor, detail: { role, session: handle } },
    ]);
  });

  it('refuses an answer meant for another transaction cookie, and no cookie at all, writing nothing', async () => {
    const first = await signIn('alice');
    const second = await signIn('vera');
    const seq = await headSeq();
    const crossed = await handleCallback(
      new NextRequest(first.callbackUrl, { headers: { cookie: second.loginCookieHeader } }),
      config,
    );
    expect(crossed.status).toBe(400);
    expect(crossed.headers.getSetCookie().join()).not.toContain(`${sessionCookie(config).name}=Fe26`);
    // Another attempt's answer does not end this browser's own attempt: its cookie is not cleared.
    expect(setCookie(crossed, loginCookie(config).name)).toBeUndefined();
    const bare = await handleCallback(new NextRequest(first.callbackUrl), config);
    expect(bare.status).toBe(400);
    expect(await eventsSince(seq)).toEqual([]);
  });

  it('drops an unsafe returnTo', async () => {
    const { callback } = await signIn('bob', '//evil.example/steal');
    expect(callback.headers.get('location')).toBe(`${APP}/`);
  });
});

describe('step-up sign-in (an approval needs a recent authentication)', () => {
  const APPROVAL = '/changes/6f1c1a52-7d6e-4d0f-9d2c-1b2a3c4d5e6f?approve=1';

  async function startStepUp(c: AppConfig, sessionCookieHeader = '') {
    const login = await handleLogin(
      new NextRequest(`${APP}/auth/login?stepUp=1&returnTo=${encodeURIComponent(APPROVAL)}`, {
        headers: sessionCookieHeader ? { cookie: sessionCookieHeader } : {},
      }),
      c,
    );
    expect(login.status).toBe(303);
    const loginValue = login.headers.getSetCookie().find((v) => v.startsWith(`${loginCookie(config).name}=`));
    return {
      authUrl: new URL(login.headers.get('location') ?? ''),
      loginCookieHeader: loginValue?.split(';')[0] ?? '',
    };
  }

  it('sends max_age; the IdP asks for the password again once its session is older; the fresh session replaces the old one', async () => {
    const browser = jar();
    const first = { form: false };
    const { callback } = await signIn('bob', '/', browser, first);
    expect(first.form).toBe(true);
    const old = await sessionFrom(callback);
    const oldCookie = cookieFrom(callback);
    // An ordinary sign-in asks for no particular age.
    const plain = await handleLogin(new NextRequest(`${APP}/auth/login`), config);
    expect(new URL(plain.headers.get('location') ?? '').searchParams.has('max_age')).toBe(false);

    // auth_time counts whole seconds: wait until the IdP's session is certainly older than a max_age of 1 s.
    await sleep(2_100);
    const stepUpConfig: AppConfig = { ...config, changes: { ...config.changes, stepUpMaxAgeSeconds: 1 } };
    const { authUrl, loginCookieHeader } = await startStepUp(stepUpConfig);
    expect(authUrl.searchParams.get('max_age')).toBe('1');
    const shown = { form: false };
    const callbackUrl = await signInAtIdp(authUrl.href, 'bob', browser, shown);
    expect(shown.form).toBe(true);

    const seq = await headSeq();
    const res = await handleCallback(
      new NextRequest(callbackUrl, { headers: { cookie: `${loginCookieHeader}; ${oldCookie}` } }),
      stepUpConfig,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${APP}${APPROVAL}`);
    const fresh = await sessionFrom(res);
    // The ID token's auth_time is the new authentication, not the first one.
    expect(fresh?.authTime).toBeGreaterThan((old?.authTime ?? 0) + 1_000);
    expect(Date.now() - (fresh?.authTime ?? 0)).toBeLessThan(5_000);
    // The old session is revoked: its cookie no longer works.
    const oldValue = oldCookie.slice(sessionCookie(config).name.length + 1);
    expect(await sessionFromCookie(oldValue, config.sessionSecret, Date.now(), db)).toBeNull();
    expect(await eventsSince(seq)).toMatchObject([
      { kind: 'sign_in', actor: { sub: 'bob' }, detail: { session: sessionHandle(fresh?.idHash ?? '') } },
      {
        kind: 'sign_out',
        actor: { sub: 'bob' },
        detail: { session: sessionHandle(old?.idHash ?? ''), how: 'replaced' },
      },
    ]);
  });

  it('re-authenticates the same person: prompt=login and login_hint are sent, and a sign-in as someone else is refused, the session left as it was', async () => {
    const browser = jar();
    const { callback } = await signIn('bob', '/', browser);
    const bobCookie = cookieFrom(callback);
    const bob = await sessionFrom(callback);
    const { authUrl, loginCookieHeader } = await startStepUp(config, bobCookie);
    expect(authUrl.searchParams.get('prompt')).toBe('login');
    expect(authUrl.searchParams.get('max_age')).toBe('300');
    expect(authUrl.searchParams.get('login_hint')).toBe('bob@example.test');

    // The IdP asks, bob's login filled in; someone else types theirs.
    const shown: { form: boolean; html?: string } = { form: false };
    const callbackUrl = await signInAtIdp(authUrl.href, 'alice', browser, shown);
    expect(shown.html).toMatch(/id="username"[^>]*value="bob"/);
    const seq = await headSeq();
    const res = await handleCallback(
      new NextRequest(callbackUrl, { headers: { cookie: `${loginCookieHeader}; ${bobCookie}` } }),
      config,
    );
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('<h1>Sign in as Bob to approve</h1>');
    expect(html).toContain('signed in Alice');
    expect(html).toContain('href="/changes/6f1c1a52-7d6e-4d0f-9d2c-1b2a3c4d5e6f"');
    expect(res.headers.getSetCookie().join()).not.toContain(`${sessionCookie(config).name}=Fe26`);
    // Bob's session is the one it was, still live; alice got none.
    const still = await sessionFromCookie(
      bobCookie.slice(sessionCookie(config).name.length + 1),
      config.sessionSecret,
      Date.now(),
      db,
    );
    expect(still?.idHash).toBe(bob?.idHash);
    expect(still?.user.sub).toBe('bob');
    expect(await eventsSince(seq)).toMatchObject([
      {
        kind: 'sign_in_refused',
        actor: { sub: 'alice' },
        detail: { reason: stringContaining('for bob signed in as alice') },
      },
    ]);
  });

  it('refuses a step-up whose auth_time is older than the max_age it asked for (an IdP that ignored it), clearly and without a session', async () => {
    const browser = jar();
    await signIn('bob', '/', browser);
    // ...whose session is seconds old, within max_age=300, signs in silently with that auth_time...
    const { authUrl, loginCookieHeader } = await startStepUp(config);
    expect(authUrl.searchParams.get('max_age')).toBe('300');
    // An IdP that ignores prompt=login...
    expect(authUrl.searchParams.get('prompt')).toBe('login');
    authUrl.searchParams.delete('prompt');
    const shown = { form: false };
    const callbackUrl = await signInAtIdp(authUrl.href, 'bob', browser, shown);
    expect(shown.form).toBe(false);
    const seq = await headSeq();
    // ...which is stale by the time this callback is judged, ten minutes on.
    const res = await handleCallbackOn(
      new NextRequest(callbackUrl, { headers: { cookie: loginCookieHeader } }),
      config,
      Date.now() + 600_000,
      db,
    );
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('did not confirm');
    expect(res.headers.getSetCookie().join()).not.toContain(`${sessionCookie(config).name}=Fe26`);
    expect(await eventsSince(seq)).toMatchObject([
      // The IdP vouched for bob: the refusal names him.
      {
        kind: 'sign_in_refused',
        actor: { sub: 'bob', role: 'admin' },
        detail: { reason: stringContaining('step-up') },
      },
    ]);
  });
});

describe('a browser whose session was ended elsewhere must authenticate again', () => {
  const authUrlOf = (res: Response) => new URL(res.headers.get('location') ?? '');
  const loginCookieOf = (res: Response) =>
    (res.headers.getSetCookie().find((v) => v.startsWith(`${loginCookie(config).name}=`)) ?? '').split(';')[0] ?? '';
  const loginFrom = (cookie: string) =>
    handleLogin(new NextRequest(`${APP}/auth/login`, { headers: cookie ? { cookie } : {} }), config);

  it('sends prompt=login at its next sign-in, refuses the IdP’s earlier session, and accepts a fresh password', async () => {
    const laptopIdp = jar();
    const first = await signIn('bob', '/', laptopIdp);
    const browserLine = first.callback.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${browserCookie(config).name}=`));
    expect(browserLine).toMatch(/HttpOnly/i);
    expect(browserLine).toMatch(/Path=\/auth/);
    const laptopBrowser = browserLine?.split(';')[0] ?? '';
    const laptopSession = cookieFrom(first.callback);
    // The session row keeps what names the browser to its owner.
    expect((await sessionFrom(first.callback))?.device.userAgent).toBeNull();

    // auth_time counts whole seconds: the laptop's authentication must be a second older than what follows.
    await sleep(1_100);
    // From another browser, bob ends every other session.
    const desktop = await signIn('bob', '/', jar());
    const desktopSession = await sessionFrom(desktop.callback);
    if (!desktopSession) throw new Error('no desktop session');
    expect(await endOwnSessions(db, desktopSession, { includeCurrent: false }, Date.now())).toBeGreaterThanOrEqual(1);

    // Another browser's sign-in asks nothing special; the laptop's asks the IdP for a fresh authentication.
    expect(authUrlOf(await loginFrom('')).searchParams.has('prompt')).toBe(false);
    const again = await loginFrom(`${laptopBrowser}; ${laptopSession}`);
    expect(authUrlOf(again).searchParams.get('prompt')).toBe('login');
    expect(authUrlOf(again).searchParams.has('login_hint')).toBe(false);

    // An IdP that ignores prompt=login signs the laptop in from its earlier session: refused, no session.
    const ignoring = authUrlOf(again);
    ignoring.searchParams.delete('prompt');
    const silent = { form: false };
    const silentCallback = await signInAtIdp(ignoring.href, 'bob', laptopIdp, silent);
    expect(silent.form).toBe(false);
    const seq = await headSeq();
    const refused = await handleCallback(
      new NextRequest(silentCallback, { headers: { cookie: `${loginCookieOf(again)}; ${laptopBrowser}` } }),
      config,
    );
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('needs your password');
    expect(refused.headers.getSetCookie().join()).not.toContain(`${sessionCookie(config).name}=Fe26`);
    expect(await eventsSince(seq)).toMatchObject([{ kind: 'sign_in_refused', actor: { sub: 'bob' } }]);

    // The dev IdP honours it: the password is asked for, and that sign-in is accepted.
    const third = await loginFrom(laptopBrowser);
    const asked = { form: false };
    const freshCallback = await signInAtIdp(authUrlOf(third).href, 'bob', laptopIdp, asked);
    expect(asked.form).toBe(true);
    const accepted = await handleCallback(
      new NextRequest(freshCallback, {
        headers: {
          cookie: `${loginCookieOf(third)}; ${laptopBrowser}`,
          'user-agent':
            'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
          'x-forwarded-for': '127.0.0.1',
        },
      }),
      config,
    );
    expect(accepted.status).toBe(303);
    // The browser keeps its id (no new one is set), the new session knows the browser, and its next sign-in is plain.
    expect(accepted.headers.getSetCookie().join()).not.toContain(`${browserCookie(config).name}=`);
    expect((await sessionFrom(accepted))?.device).toEqual({
      userAgent: expect.stringContaining('Chrome/131') as unknown,
      ip: '127.0.0.1',
    });
    expect(authUrlOf(await loginFrom(laptopBrowser)).searchParams.has('prompt')).toBe(false);
  });
});

/** The value a response sets for one cookie (`''` when it clears it), with its attributes line. */
function setCookie(res: Response, name: string): { value: string; line: string } | undefined {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return line ? { value: line.split(';')[0]?.slice(name.length + 1) ?? '', line } : undefined;
}

const logout = (cookie = '') =>
  handleLogout(
    new NextRequest(`${APP}/auth/logout`, { method: 'POST', headers: { origin: APP, ...(cookie ? { cookie } : {}) } }),
    config,
  );

describe('sign-out revokes the session on the server', () => {
  it('a copy of the cookie taken before sign-out is refused at once; sign_out is recorded once', async () => {
    const { callback } = await signIn('alice');
    const copied = cookieFrom(callback);
    const session = await sessionFrom(callback);
    expect(session).not.toBeNull();
    const seq = await headSeq();
    const res = await logout(copied);
    expect(res.status).toBe(303);
    expect(setCookie(res, sessionCookie(config).name)?.line).toMatch(/Max-Age=0/i);
    expect(
      await sessionFromCookie(
        copied.slice(sessionCookie(config).name.length + 1),
        config.sessionSecret,
        Date.now(),
        db,
      ),
    ).toBeNull();
    const row = await db.kysely
      .selectFrom('sessions')
      .select('revoked_at')
      .where('id_hash', '=', session?.idHash ?? '')
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
    // Signing out again with the copy records nothing more.
    await logout(copied);
    expect(await eventsSince(seq)).toMatchObject([
      {
        kind: 'sign_out',
        actor: { sub: 'alice', role: 'admin' },
        detail: { session: sessionHandle(session?.idHash ?? ''), how: 'sign_out' },
      },
    ]);
  });
});

describe('sign-out ends the IdP session too (RP-initiated logout)', () => {
  it('redirects to the end_session_endpoint with id_token_hint, client_id and the landing page; the next sign-in asks again', async () => {
    const browser = jar();
    const first = { form: false };
    const { callback } = await signIn('alice', '/', browser, first);
    expect(first.form).toBe(true);
    const hint = setCookie(callback, logoutHintCookie(config).name);
    expect(hint?.line).toMatch(/Path=\/auth\/logout/i);
    expect(hint?.line).toMatch(/HttpOnly/i);

    // While the IdP session lives, a new sign-in is silent: this is what sign-out must end.
    const silent = { form: false };
    await signIn('alice', '/', browser, silent);
    expect(silent.form).toBe(false);

    const res = await logout(`${logoutHintCookie(config).name}=${hint?.value ?? ''}`);
    expect(res.status).toBe(303);
    const endSession = new URL(res.headers.get('location') ?? '');
    const meta = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as {
      end_session_endpoint: string;
    };
    expect(`${endSession.origin}${endSession.pathname}`).toBe(meta.end_session_endpoint);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/`);
    expect(endSession.searchParams.get('client_id')).toBe('console-test');
    const idToken = endSession.searchParams.get('id_token_hint') ?? '';
    const payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString()) as {
      sub: string;
      aud: string;
    };
    expect(payload).toMatchObject({ sub: 'alice', aud: 'console-test' });
    for (const spec of [sessionCookie(config), loginCookie(config), logoutHintCookie(config)]) {
      expect(setCookie(res, spec.name)?.line).toMatch(/Max-Age=0/i);
    }

    // At the IdP: with a valid hint the page submits itself (no "sign out?" click), then returns to the landing page.
    const page = await fetch(endSession, { headers: { cookie: browser.header() }, redirect: 'manual' });
    browser.take(page);
    const html = await page.text();
    expect(html).toContain('name="logout" value="yes"');
    expect(html).toContain('.submit()');
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const confirmed = await fetch(new URL(action, idp.issuer), {
      method: 'POST',
      headers: { cookie: browser.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
      redirect: 'manual',
    });
    browser.take(confirmed);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${APP}/`);

    // The IdP session is gone: the same browser is asked who it is, and can be someone else.
    const after = { form: false };
    const next = await signIn('bob', '/', browser, after);
    expect(after.form).toBe(true);
    expect((await sessionFrom(next.callback))?.user.sub).toBe('bob');
  });

  it('without a kept ID token, identifies the console by client_id and the IdP asks before ending its session', async () => {
    const browser = jar();
    await signIn('vera', '/', browser);
    const res = await logout();
    const endSession = new URL(res.headers.get('location') ?? '');
    expect(endSession.origin).toBe(idp.issuer);
    expect(endSession.searchParams.get('client_id')).toBe('console-test');
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/`);
    expect(endSession.searchParams.has('id_token_hint')).toBe(false);
    const html = await (await fetch(endSession, { headers: { cookie: browser.header() } })).text();
    expect(html).toContain('Yes, sign me out');
    expect(html).not.toContain('.submit()');
  });

  it('refuses a cross-site sign-out', async () => {
    const res = await handleLogout(
      new NextRequest(`${APP}/auth/logout`, { method: 'POST', headers: { origin: 'https://evil.example' } }),
      config,
    );
    expect(res.status).toBe(403);
  });

  describe('an IdP without RP-initiated logout', () => {
    let plain: Server;
    let plainConfig: AppConfig;
    beforeAll(async () => {
      // A real discovery document that, like Google's, advertises no end_session_endpoint.
      let discovered: Record<string, unknown> = {};
      plain = createServer((req, res) => {
        res.writeHead(req.url === '/.well-known/openid-configuration' ? 200 : 404, {
          'content-type': 'application/json',
        });
        res.end(JSON.stringify(discovered));
      });
      await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
      const address = plain.address();
      const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      discovered = {
        ...((await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>),
        issuer,
      };
      delete discovered.end_session_endpoint;
      plainConfig = { ...config, oidc: { ...config.oidc, issuer } };
    });
    afterAll(() => new Promise<void>((resolve) => plain.close(() => resolve())));

    it('falls back to clearing the console session and the landing page', async () => {
      const res = await handleLogout(
        new NextRequest(`${APP}/auth/logout`, { method: 'POST', headers: { origin: APP } }),
        plainConfig,
      );
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`${APP}/`);
      expect(setCookie(res, sessionCookie(config).name)?.line).toMatch(/Max-Age=0/i);
    });

    it('and so does an IdP that cannot be reached', async () => {
      const gone = { ...config, oidc: { ...config.oidc, issuer: 'http://127.0.0.1:9' } };
      const res = await handleLogout(
        new NextRequest(`${APP}/auth/logout`, { method: 'POST', headers: { origin: APP } }),
        gone,
      );
      expect(res.headers.get('location')).toBe(`${APP}/`);
    });
  });
});

/** Rows in every table of the console's database (SQLite here), by table. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true });
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const row = await db.kysely
      .selectFrom(name as 'sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[name] = Number(row.n);
  }
  return counts;
}

/** A new sign-in transaction as a browser starts it: its login cookie and the state the IdP will echo. */
async function newLoginCookie(): Promise<{ cookie: string; state: string }> {
  const login = await handleLogin(new NextRequest(`${APP}/auth/login`), config);
  const line = login.headers.getSetCookie().find((c) => c.startsWith(`${loginCookie(config).name}=`)) ?? '';
  const state = new URL(login.headers.get('location') ?? '').searchParams.get('state') ?? '';
  return { cookie: line.split(';')[0] ?? '', state };
}

describe('an unauthenticated client cannot grow the database through /auth/callback', () => {
  it('a burst of bad callbacks writes no row in any table (sessions, audit events, rate limits included)', async () => {
    const guard = createCallbackGuard({
      exchangeRefusals: 5,
      exchangeWindowSec: 60,
      refusalsPerSubject: 5,
      refusalWindowSec: 600,
    });
    const callback = (url: string, cookie?: string) =>
      handleCallbackOn(new NextRequest(url, cookie ? { headers: { cookie } } : {}), config, Date.now(), db, guard);
    // A real sign-in first: its cookie and answer are replayed below.
    const used = await signIn('alice');
    expect(used.callback.status).toBe(303);
    const before = await rowCounts();
    expect(before.sessions).toBeGreaterThan(0);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['sessions', 'audit_events', 'rate_limits', 'changes']));

    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await callback(`${APP}/auth/callback?code=x&state=y`)).status);
      statuses.push(
        (await callback(`${APP}/auth/callback?code=x&state=y`, `${loginCookie(config).name}=Fe26.2**bad`)).status,
      );
      const fresh = await newLoginCookie();
      // Another state than the cookie's.
      statuses.push((await callback(`${APP}/auth/callback?code=x&state=other`, fresh.cookie)).status);
      // The cookie's own state with a forged code, and with a forged IdP error: nothing proves either.
      const forged = await newLoginCookie();
      statuses.push(
        (await callback(`${APP}/auth/callback?code=forged-${i}&state=${forged.state}`, forged.cookie)).status,
      );
      const denied = await newLoginCookie();
      statuses.push(
        (await callback(`${APP}/auth/callback?error=access_denied&state=${denied.state}`, denied.cookie)).status,
      );
      // The real answer replayed with its own cookie.
      statuses.push((await callback(used.callbackUrl.href, used.loginCookieHeader)).status);
    }
    expect(await rowCounts()).toEqual(before);
    expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);
    // Past 5 refused exchanges the IdP is no longer asked: 429 with Retry-After.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await newLoginCookie();
    const res = await callback(`${APP}/auth/callback?code=x&state=${limited.state}`, limited.cookie);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await rowCounts()).toEqual(before);
  });

  it('a login state makes one session: a second code for the same state is refused, on any replica, writing nothing', async () => {
    const browser = jar();
    const first = await signIn('alice', '/', browser);
    expect(first.callback.status).toBe(303);
    // The IdP session is live: the same authorization URL (same state) gets a new, valid code silently.
    const again = await signInAtIdp(first.authUrl.href, 'alice', browser);
    expect(again.searchParams.get('state')).toBe(first.callbackUrl.searchParams.get('state'));
    expect(again.searchParams.get('code')).not.toBe(first.callbackUrl.searchParams.get('code'));
    const before = await rowCounts();
    const sameReplica = await handleCallback(
      new NextRequest(again, { headers: { cookie: first.loginCookieHeader } }),
      config,
    );
    expect(sameReplica.status).toBe(400);
    expect(await sameReplica.text()).toContain('already used');
    // Another replica (its own memory) finds the state's session row.
    const third = await signInAtIdp(first.authUrl.href, 'alice', browser);
    const otherReplica = await handleCallbackOn(
      new NextRequest(third, { headers: { cookie: first.loginCookieHeader } }),
      config,
      Date.now(),
      db,
      createCallbackGuard(),
    );
    expect(otherReplica.status).toBe(400);
    expect(otherReplica.headers.getSetCookie().join()).not.toContain(`${sessionCookie(config).name}=Fe26`);
    expect(await rowCounts()).toEqual(before);
  });
});
