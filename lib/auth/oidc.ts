import 'server-only';

import * as client from 'openid-client';

import type { AppConfig } from '@/lib/config/env';

import type { LoginState } from './login-state';
import { groupsFromClaims, roleForGroups } from './roles';
import type { SignedInUser } from './session-store';

type OidcSettings = Pick<AppConfig, 'oidc' | 'roles' | 'appUrl'>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
let cached: { key: string; configuration: Promise<client.Configuration> } | undefined;

/** The callback URL registered at the IdP, always derived from APP_URL (never from the Host header). */
function redirectUri(appUrl: URL): string {
  return new URL('/auth/callback', appUrl).href;
}

/**
 * Discovery, cached per issuer and client. Plain http is allowed only for a loopback issuer (the dev
 * IdP); openid-client refuses http otherwise, which is what a real IdP deserves. A failed discovery is
 * not cached, so the next sign-in retries.
 */
function getOidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const { issuer, clientId, clientSecret } = settings.oidc;
  const key = `${issuer}\n${clientId}`;
  if (cached?.key === key) return cached.configuration;
  const url = new URL(issuer);
  const insecure = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  const configuration = client.discovery(url, clientId, undefined, client.ClientSecretBasic(clientSecret), {
    execute: insecure ? [client.allowInsecureRequests] : [],
  });
  cached = { key, configuration };
  configuration.catch(() => {
    if (cached?.configuration === configuration) cached = undefined;
  });
  return configuration;
}

interface StartSignInOptions {
  /** A step-up: OIDC `max_age`, so the ID token's `auth_time` says when the IdP last authenticated the user. */
  maxAgeSeconds?: number | null;
  /** A step-up: the person who must sign in (OIDC `login_hint` is their email, else their subject). */
  expectedSubject?: (LoginState['expectedSubject'] & { loginHint: string }) | null;
  /** The browser's newest session was revoked at this epoch ms: ask the IdP for a fresh authentication. */
  reauthAfter?: number | null;
}

/**
 * Starts Authorization Code + PKCE: returns the IdP URL and the transaction to keep in a sealed cookie.
 *
 * A step-up (`maxAgeSeconds`, `expectedSubject`) and a browser whose session was ended elsewhere (`reauthAfter`)
 * send `prompt=login`: the IdP must ask for the password even when its own session is live (that session may
 * belong to someone else at this browser, or be what the user just ended). A step-up also sends `max_age` and the
 * person's `login_hint`, which IdPs use to fill in the login; whether the right person signed in is the callback's
 * to check, since a user may change the login at the IdP.
 */
export async function startSignIn(
  settings: OidcSettings,
  returnTo: string,
  options: StartSignInOptions = {},
): Promise<{ url: URL; state: LoginState }> {
  const configuration = await getOidcConfiguration(settings);
  const { maxAgeSeconds = null, expectedSubject = null, reauthAfter = null } = options;
  const state: LoginState = {
    codeVerifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
    returnTo,
    maxAgeSeconds,
    expectedSubject: expectedSubject && {
      iss: expectedSubject.iss,
      sub: expectedSubject.sub,
      name: expectedSubject.name,
    },
    reauthAfter,
  };
  const fresh = maxAgeSeconds !== null || expectedSubject !== null || reauthAfter !== null;
  const supported = configuration.serverMetadata().scopes_supported;
  // Ask for a `groups` scope only where the IdP advertises one; some IdPs reject unknown scopes.
  const scope = ['openid', 'profile', 'email', ...(supported?.includes('groups') ? ['groups'] : [])].join(' ');
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(settings.appUrl),
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(state.codeVerifier),
    code_challenge_method: 'S256',
    state: state.state,
    nonce: state.nonce,
    ...(maxAgeSeconds === null ? {} : { max_age: String(maxAgeSeconds) }),
    ...(fresh ? { prompt: 'login' } : {}),
    ...(expectedSubject ? { login_hint: expectedSubject.loginHint } : {}),
  });
  return { url, state };
}

/**
 * Finishes sign-in: validates state, PKCE and nonce, exchanges the code, and reduces the ID token (or
 * userinfo, when the IdP keeps groups there) to the user the session stores. The access token is dropped
 * here; the raw ID token is returned only to serve as sign-out's id_token_hint.
 */
export async function finishSignIn(
  settings: OidcSettings,
  callbackUrl: URL,
  state: LoginState,
): Promise<SignedInUser & { idToken: string | undefined }> {
  const configuration = await getOidcConfiguration(settings);
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: state.codeVerifier,
    expectedState: state.state,
    expectedNonce: state.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('The IdP returned no ID token');
  let claims: Record<string, unknown> = idClaims;
  if (!(settings.oidc.groupsClaim in idClaims)) {
    claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)), ...idClaims };
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const user = {
    sub: idClaims.sub,
    name: str(claims.name) ?? str(claims.preferred_username) ?? idClaims.sub,
    email: str(claims.email) ?? '',
    role: roleForGroups(groupsFromClaims(claims, settings.oidc.groupsClaim), settings.roles),
  };
  // auth_time (seconds) is kept for the approval step-up, which asks for a recent authentication.
  const authTime = typeof idClaims.auth_time === 'number' ? idClaims.auth_time * 1000 : null;
  return { iss: idClaims.iss, user, authTime, idToken: tokens.id_token };
}

/** Where RP-initiated logout returns the browser: the landing page, registered at the IdP as a post-logout URI. */
function postLogoutRedirectUri(appUrl: URL): string {
  return new URL('/', appUrl).href;
}

/**
 * The IdP's end_session_endpoint with the parameters of OIDC RP-Initiated Logout 1.0, or `undefined` when the
 * IdP advertises none (Google, for one): then signing out of the console is all there is.
 *
 * id_token_hint is sent whenever the ID token could be kept: Okta, Oracle and Connect2id honour
 * post_logout_redirect_uri only with it, and Keycloak, PingFederate and the dev IdP end the session without a
 * "sign out?" prompt only with it (without it anyone could link a user there). client_id is always sent
 * (openid-client adds it; it must then match the hint's audience): it identifies the console when no hint was
 * kept, which Keycloak 18+, Entra ID, Auth0 and oidc-provider accept, after asking the user to confirm.
 */
export async function endSessionUrl(settings: OidcSettings, idTokenHint: string | undefined): Promise<URL | undefined> {
  const configuration = await getOidcConfiguration(settings);
  if (!configuration.serverMetadata().end_session_endpoint) return undefined;
  return client.buildEndSessionUrl(configuration, {
    post_logout_redirect_uri: postLogoutRedirectUri(settings.appUrl),
    ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
  });
}
