import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';

import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

import { claimsFor } from './users';

export interface DevIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Where RP-initiated logout may send the browser back to (the app's landing page). */
  postLogoutRedirectUris?: string[];
}

const SCOPE = 'openid profile email groups';

/**
 * First-party app, so consent is implied: reuse the session's grant or create one covering every scope
 * this IdP offers. oidc-provider then skips its consent prompt (its documented way to do so).
 */
async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { client, session, provider, result } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const grant =
    (grantId ? await provider.Grant.find(grantId) : undefined) ??
    new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope(SCOPE);
  await grant.save();
  return grant;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} – Dev IdP</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/**
 * The end_session page. With a valid id_token_hint (checked by oidc-provider before this runs) the request
 * provably comes from the signed-in user's own client, so, like Keycloak or PingFederate, the IdP signs the
 * whole session out without asking (the form is auto-submitted with logout=yes). Without one, anyone could
 * have linked here, so the user is asked, as oidc-provider does by default.
 */
function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  const yes = '<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>';
  if (ctx.oidc.entities.IdTokenHint) {
    ctx.body = page(
      'Signing out',
      `${form}<input type="hidden" form="op.logoutForm" name="logout" value="yes"><noscript>${yes}</noscript><script>document.getElementById('op.logoutForm').submit()</script>`,
    );
    return;
  }
  ctx.body = page(
    'Sign out of the dev IdP?',
    `${form}${yes}<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

/** Shown only when the logout request named no post_logout_redirect_uri. No external fonts: works offline. */
function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.body = page('Signed out', '<p>You are signed out of the dev IdP.</p>');
}

/** An oidc-provider configured like a small corporate IdP: code flow, PKCE required, groups claim. */
export function createProvider(issuer: string, clients: DevIdpClient[]): Provider {
  // Signing and cookie keys are made per run: nothing to commit, nothing to leak.
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const configuration: Configuration = {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      // auth_time in every ID token, as most corporate IdPs send it: the console keeps it for the approval step-up.
      require_auth_time: true,
    })),
    jwks: { keys: [{ ...jwk, kid: randomUUID(), alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    scopes: ['openid', 'profile', 'email', 'groups'],
    responseTypes: ['code'],
    // Put the scope's claims in the ID token too, as Okta/Entra do for groups; the app also reads userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // Explicit lifetimes (seconds); the app keeps its own 8 h session and never uses these tokens again.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    loadExistingGrant,
    findAccount: (_ctx, sub) => {
      const claims = claimsFor(sub);
      return claims ? { accountId: sub, claims: () => ({ ...claims, sub }) } : undefined;
    },
  };
  return new Provider(issuer, configuration);
}
