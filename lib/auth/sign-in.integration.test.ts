import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseConfig, type AppConfig } from '@/lib/config/env';
import { startDevIdp, type DevIdp } from '@/idp/index';

import { loginCookie, sessionCookie } from './cookies';
import { unsealSession } from './session';
import { handleCallback, handleLogin } from './sign-in-routes';

// The whole sign-in against the real dev IdP over HTTP, no browser: the app's route logic runs in-process,
// the IdP's login form is fetched and posted like a browser would, following redirects by hand.
const APP = 'http://localhost:3999';
let idp: DevIdp;
let config: AppConfig;

beforeAll(async () => {
  idp = await startDevIdp({ port: 0, clients: [{ clientId: 'console-test', clientSecret: 'test-secret', redirectUris: [`${APP}/auth/callback`] }] });
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
afterAll(() => idp.close());

/** Cookie jar for the IdP's own cookies (interaction, session), keyed by name. */
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

/** Follows IdP redirects until one leaves the IdP (the app callback); posts the form when it appears. */
async function signInAtIdp(start: string, username: string): Promise<URL> {
  const idpJar = jar();
  let next: { url: string; init?: RequestInit } = { url: start };
  for (let hop = 0; hop < 10; hop += 1) {
    const res = await fetch(next.url, { redirect: 'manual', ...next.init, headers: { cookie: idpJar.header(), ...next.init?.headers } });
    idpJar.take(res);
    const location = res.headers.get('location');
    if (location) {
      const url = new URL(location, next.url);
      if (url.origin !== idp.issuer) return url;
      next = { url: url.href };
      continue;
    }
    const html = await res.text();
    expect(html).toContain('<label for="username">Username</label>');
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`IdP answered ${res.status} without a form`);
    const body = new URLSearchParams({ username, password: 'anything' }).toString();
    next = { url: new URL(action, idp.issuer).href, init: { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } };
  }
  throw new Error('too many redirects at the IdP');
}

async function signIn(username: string, returnTo = '/cosigners?pageSize=20') {
  const login = await handleLogin(new NextRequest(`${APP}/auth/login?returnTo=${encodeURIComponent(returnTo)}`), config);
  expect(login.status).toBe(303);
  const authUrl = new URL(login.headers.get('location') ?? '');
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authUrl.searchParams.get('scope')).toBe('openid profile email groups');
  const loginValue = login.headers.getSetCookie().find((c) => c.startsWith(`${loginCookie(config).name}=`));
  expect(loginValue).toMatch(/HttpOnly/i);
  const callbackUrl = await signInAtIdp(authUrl.href, username);
  expect(callbackUrl.href.startsWith(`${APP}/auth/callback?`)).toBe(true);
  const callback = await handleCallback(
    new NextRequest(callbackUrl, { headers: { cookie: (loginValue ?? '').split(';')[0] ?? '' } }),
    config,
  );
  return { callback, callbackUrl, loginCookieHeader: (loginValue ?? '').split(';')[0] ?? '' };
}

function sessionFrom(res: Response) {
  const name = sessionCookie(config).name;
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? '';
  return unsealSession(line.split(';')[0]?.slice(name.length + 1), config.sessionSecret, Date.now());
}

describe('OIDC sign-in against the dev IdP', () => {
  it.each([
    ['alice', 'admin', 'Alice'],
    ['vera', 'viewer', 'Vera'],
    ['nora', null, 'Nora'],
  ] as const)('%s signs in with role %s', async (username, role, name) => {
    const { callback } = await signIn(username);
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(`${APP}/cosigners?pageSize=20`);
    const session = await sessionFrom(callback);
    expect(session?.user).toEqual({ sub: username, name, email: `${username}@example.test`, role });
    // The session holds no OIDC tokens: only the user and two timestamps.
    expect(Object.keys(session ?? {}).sort()).toEqual(['createdAt', 'lastSeenAt', 'user']);
  });

  it('refuses to reuse the callback with another transaction cookie, and without one', async () => {
    const first = await signIn('alice');
    const second = await signIn('vera');
    const crossed = await handleCallback(new NextRequest(first.callbackUrl, { headers: { cookie: second.loginCookieHeader } }), config);
    expect(crossed.status).toBe(400);
    expect(crossed.headers.getSetCookie().join()).not.toContain(`${sessionCookie(config).name}=Fe26`);
    const bare = await handleCallback(new NextRequest(first.callbackUrl), config);
    expect(bare.status).toBe(400);
  });

  it('drops an unsafe returnTo', async () => {
    const { callback } = await signIn('bob', '//evil.example/steal');
    expect(callback.headers.get('location')).toBe(`${APP}/`);
  });
});
