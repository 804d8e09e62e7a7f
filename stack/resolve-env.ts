import { readFileSync } from 'node:fs';

import { publicKeyOf, type DevKeys } from './dev-keys';
import { devIdpRefusal } from './dev-idp-guard';

/** Every variable the app reads (docs/contracts.md "Configuration"); the stack sets or clears each one for its child. */
export const APP_ENV_NAMES = [
  'FIREBLOCKS_BASE_URL',
  'FIREBLOCKS_API_KEY',
  'FIREBLOCKS_SECRET_KEY_PATH',
  'FIREBLOCKS_SECRET_KEY',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_GROUPS_CLAIM',
  'ADMIN_GROUPS',
  'VIEWER_GROUPS',
  'SESSION_SECRET',
  'APP_URL',
  'DATABASE_URL',
  'DATA_DIR',
  'WATCH_INTERVAL',
  // Read by next.config.js, not the app: `1` makes and serves the bench's own build with its reference pages (app/bench/).
  'BENCH_BUILD',
] as const;

export const DEV_CLIENT_ID = 'cosigner-console-dev';

export interface ResolveStackEnvOptions {
  /** What the caller already set; only unset (or empty) names get an embedded default. */
  env: Record<string, string | undefined>;
  appPort: number;
  simPort: number;
  idpPort: number;
  devKeys: () => DevKeys;
  randomSecret: () => string;
}

export interface ResolvedStackEnv {
  /** The app's configuration, complete. */
  appEnv: Record<string, string>;
  /** Present when FIREBLOCKS_BASE_URL was unset: start the simulator with this API user. */
  sim?: { port: number; apiUser: { apiKey: string; publicKeyPem: string } };
  /** Present when OIDC_ISSUER was unset: start the dev IdP with this client. */
  idp?: {
    port: number;
    client: { clientId: string; clientSecret: string; redirectUris: string[]; postLogoutRedirectUris: string[] };
  };
  /** Configuration that cannot work (e.g. a real Fireblocks URL without credentials), one line each. */
  problems: string[];
}

const set = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Decides the app's environment: the caller's values win, and the embedded simulator / dev IdP are used only for
 * an unset FIREBLOCKS_BASE_URL / OIDC_ISSUER. A real upstream never silently gets the dev credentials.
 */
export function resolveStackEnv(o: ResolveStackEnvOptions): ResolvedStackEnv {
  const appEnv: Record<string, string> = {};
  for (const name of APP_ENV_NAMES) {
    const value = o.env[name];
    if (set(value)) appEnv[name] = value;
  }
  const problems: string[] = [];
  const result: ResolvedStackEnv = { appEnv, problems };

  appEnv.APP_URL ??= `http://localhost:${o.appPort}`;
  appEnv.SESSION_SECRET ??= o.randomSecret();

  if (!set(o.env.FIREBLOCKS_BASE_URL)) {
    appEnv.FIREBLOCKS_BASE_URL = `http://127.0.0.1:${o.simPort}/v1`;
    const hasOwnKey = set(o.env.FIREBLOCKS_SECRET_KEY_PATH) || set(o.env.FIREBLOCKS_SECRET_KEY);
    if (!set(o.env.FIREBLOCKS_API_KEY) || !hasOwnKey) {
      const keys = o.devKeys();
      appEnv.FIREBLOCKS_API_KEY ??= keys.apiKey;
      if (!hasOwnKey) appEnv.FIREBLOCKS_SECRET_KEY_PATH = keys.privateKeyPath;
    }
    // The simulator registers whichever key the app will sign with, so a user's own key works against it too.
    const privatePem = appEnv.FIREBLOCKS_SECRET_KEY ?? readFileSync(appEnv.FIREBLOCKS_SECRET_KEY_PATH ?? '', 'utf8');
    result.sim = {
      port: o.simPort,
      apiUser: { apiKey: appEnv.FIREBLOCKS_API_KEY ?? '', publicKeyPem: publicKeyOf(privatePem) },
    };
  } else {
    if (!set(o.env.FIREBLOCKS_API_KEY))
      problems.push("FIREBLOCKS_BASE_URL is set, so FIREBLOCKS_API_KEY must be too (that workspace's API user)");
    if (!set(o.env.FIREBLOCKS_SECRET_KEY_PATH) && !set(o.env.FIREBLOCKS_SECRET_KEY)) {
      problems.push('FIREBLOCKS_BASE_URL is set, so FIREBLOCKS_SECRET_KEY_PATH (or FIREBLOCKS_SECRET_KEY) must be too');
    }
  }

  if (!set(o.env.OIDC_ISSUER)) {
    const refusal = devIdpRefusal(o.env);
    if (refusal) problems.push(refusal);
    appEnv.OIDC_ISSUER = `http://127.0.0.1:${o.idpPort}`;
    appEnv.OIDC_CLIENT_ID ??= DEV_CLIENT_ID;
    appEnv.OIDC_CLIENT_SECRET ??= o.randomSecret();
    const redirectUri = new URL('/auth/callback', appEnv.APP_URL).toString();
    // RP-initiated logout returns to the landing page (lib/auth/oidc.ts postLogoutRedirectUri).
    const landing = new URL('/', appEnv.APP_URL).toString();
    result.idp = {
      port: o.idpPort,
      client: {
        clientId: appEnv.OIDC_CLIENT_ID,
        clientSecret: appEnv.OIDC_CLIENT_SECRET,
        redirectUris: [redirectUri],
        postLogoutRedirectUris: [landing],
      },
    };
  } else {
    if (!set(o.env.OIDC_CLIENT_ID)) problems.push('OIDC_ISSUER is set, so OIDC_CLIENT_ID must be too');
    if (!set(o.env.OIDC_CLIENT_SECRET)) problems.push('OIDC_ISSUER is set, so OIDC_CLIENT_SECRET must be too');
  }
  return result;
}
