import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startDevIdp, type DevIdp } from './index';

// The IdP's own contract; the full sign-in through it is lib/auth/sign-in.integration.test.ts.
const REDIRECT = 'http://localhost:3999/auth/callback';
let idp: DevIdp;
beforeAll(async () => {
  idp = await startDevIdp({ port: 0, clients: [{ clientId: 'c', clientSecret: 's', redirectUris: [REDIRECT] }] });
});
afterAll(() => idp.close());

const authorize = (extra: Record<string, string>) =>
  fetch(
    `${idp.issuer}/auth?${new URLSearchParams({ client_id: 'c', redirect_uri: REDIRECT, response_type: 'code', scope: 'openid groups', state: 'st', nonce: 'n', ...extra })}`,
    { redirect: 'manual' },
  );

describe('dev IdP', () => {
  it('listens on loopback and advertises code flow, S256 PKCE and the groups scope and claim', async () => {
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const meta = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      string[] | string
    >;
    expect(meta.response_types_supported).toEqual(['code']);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.scopes_supported).toContain('groups');
    expect(meta.claims_supported).toContain('groups');
    // RP-initiated logout, which the console's sign-out uses.
    expect(meta.end_session_endpoint).toBe(`${idp.issuer}/session/end`);
  });

  it('refuses an authorization request without PKCE', async () => {
    const res = await authorize({});
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('shows a labelled login form, and refuses an unknown user with the form again', async () => {
    const res = await authorize({
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const formUrl = new URL(res.headers.get('location') ?? '', idp.issuer);
    const html = await (await fetch(formUrl, { headers: { cookie } })).text();
    for (const part of [
      '<label for="username">Username</label>',
      '<label for="password">Password</label>',
      '<button type="submit">Sign in</button>',
    ]) {
      expect(html).toContain(part);
    }
    const refused = await fetch(`${formUrl.href}/login`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=mallory&password=x',
      redirect: 'manual',
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('Unknown user');
  });
});

describe('dev IdP login_hint', () => {
  it('fills in the login an OIDC login_hint names (by email or login), and nothing for an unknown hint', async () => {
    const form = async (hint: string) => {
      const res = await authorize({
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        login_hint: hint,
      });
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return (await fetch(new URL(res.headers.get('location') ?? '', idp.issuer), { headers: { cookie } })).text();
    };
    expect(await form('bob@example.test')).toContain('name="username" autocomplete="username"');
    expect(await form('bob@example.test')).toMatch(/id="username"[^>]*value="bob"/);
    expect(await form('ALICE')).toMatch(/id="username"[^>]*value="alice"/);
    expect(await form('mallory@example.test')).toMatch(/id="username"[^>]*value=""/);
  });
});
