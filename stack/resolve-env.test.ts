import { generateKeyPairSync } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { DevKeys } from './dev-keys';
import { DEV_IDP_OPT_IN } from './dev-idp-guard';
import { DEV_CLIENT_ID, resolveStackEnv } from './resolve-env';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

let devKeyCalls = 0;
const devKeys = (): DevKeys => {
  devKeyCalls += 1;
  return {
    apiKey: 'dev-api-key',
    privateKeyPath: '/nonexistent/dev.key',
    publicKeyPath: '/nonexistent/dev.pub',
    publicKeyPem: publicPem,
  };
};
let secrets = 0;
const base = {
  appPort: 3000,
  simPort: 4010,
  idpPort: 4011,
  devKeys,
  randomSecret: () => `secret-${++secrets}-${'x'.repeat(40)}`,
};

describe('resolveStackEnv', () => {
  it('embeds the simulator and the dev IdP when nothing is set', () => {
    const r = resolveStackEnv({ ...base, env: { FIREBLOCKS_SECRET_KEY: privatePem } });
    expect(r.problems).toEqual([]);
    expect(r.appEnv).toMatchObject({
      APP_URL: 'http://localhost:3000',
      FIREBLOCKS_BASE_URL: 'http://127.0.0.1:4010/v1',
      FIREBLOCKS_API_KEY: 'dev-api-key',
      OIDC_ISSUER: 'http://127.0.0.1:4011',
      OIDC_CLIENT_ID: DEV_CLIENT_ID,
    });
    expect(r.sim?.apiUser).toEqual({ apiKey: 'dev-api-key', publicKeyPem: publicPem });
    expect(r.idp?.client.redirectUris).toEqual(['http://localhost:3000/auth/callback']);
    expect(r.idp?.client.postLogoutRedirectUris).toEqual(['http://localhost:3000/']);
    expect(r.idp?.client.clientSecret).toBe(r.appEnv.OIDC_CLIENT_SECRET);
    expect(r.appEnv.SESSION_SECRET).not.toBe(r.appEnv.OIDC_CLIENT_SECRET);
  });

  it('fills only unset names: a real Fireblocks sandbox starts no simulator and gets no dev credentials', () => {
    devKeyCalls = 0;
    const env = {
      FIREBLOCKS_BASE_URL: 'https://sandbox-api.fireblocks.io/v1',
      FIREBLOCKS_API_KEY: 'real-key',
      FIREBLOCKS_SECRET_KEY_PATH: '/secrets/fireblocks.key',
      SESSION_SECRET: 'kept-as-given-kept-as-given-kept-as-given',
      APP_URL: 'http://localhost:3300',
    };
    // Without a real IdP, the dev IdP in front of a real workspace needs the opt-in (dev-idp-guard.ts).
    const r = resolveStackEnv({ ...base, env: { ...env, [DEV_IDP_OPT_IN.name]: DEV_IDP_OPT_IN.value } });
    expect(r.problems).toEqual([]);
    expect(r.sim).toBeUndefined();
    expect(devKeyCalls).toBe(0);
    expect(r.appEnv).toMatchObject(env);
    expect(r.idp?.client.redirectUris).toEqual(['http://localhost:3300/auth/callback']);
  });

  it('refuses the any-password dev IdP in front of a real workspace without the opt-in', () => {
    const env = {
      FIREBLOCKS_BASE_URL: 'https://sandbox-api.fireblocks.io/v1',
      FIREBLOCKS_API_KEY: 'real-key',
      FIREBLOCKS_SECRET_KEY_PATH: '/secrets/fireblocks.key',
    };
    const r = resolveStackEnv({ ...base, env });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/OIDC_ISSUER[\s\S]*DEV_IDP_WITH_REAL_FIREBLOCKS=i-understand-anyone-can-sign-in/);
  });

  it('a real IdP starts no dev IdP and keeps its client', () => {
    const env = {
      FIREBLOCKS_SECRET_KEY: privatePem,
      OIDC_ISSUER: 'https://login.example.com',
      OIDC_CLIENT_ID: 'console',
      OIDC_CLIENT_SECRET: 's3cret',
    };
    const r = resolveStackEnv({ ...base, env });
    expect(r.idp).toBeUndefined();
    expect(r.appEnv).toMatchObject(env);
  });

  it('names what is missing instead of pairing a real upstream with dev credentials', () => {
    const r = resolveStackEnv({
      ...base,
      env: { FIREBLOCKS_BASE_URL: 'https://api.fireblocks.io/v1', OIDC_ISSUER: 'https://login.example.com' },
    });
    expect(r.problems).toHaveLength(4);
    expect(r.problems.join('\n')).toMatch(
      /FIREBLOCKS_API_KEY[\s\S]*FIREBLOCKS_SECRET_KEY_PATH[\s\S]*OIDC_CLIENT_ID[\s\S]*OIDC_CLIENT_SECRET/,
    );
  });

  it('treats empty strings as unset', () => {
    const r = resolveStackEnv({
      ...base,
      env: { FIREBLOCKS_BASE_URL: '  ', FIREBLOCKS_SECRET_KEY: privatePem, OIDC_ISSUER: '' },
    });
    expect(r.sim).toBeDefined();
    expect(r.idp).toBeDefined();
  });

  it('APP_URL follows the app port (PORT in npm run dev), and so does the dev IdP redirect', () => {
    const r = resolveStackEnv({ ...base, appPort: 3950, env: { FIREBLOCKS_SECRET_KEY: privatePem, APP_URL: '' } });
    expect(r.appEnv.APP_URL).toBe('http://localhost:3950');
    expect(r.idp?.client.redirectUris).toEqual(['http://localhost:3950/auth/callback']);
  });

  it('an APP_URL the caller set wins over the port (a proxy in front, another host name)', () => {
    const r = resolveStackEnv({
      ...base,
      appPort: 3950,
      env: { FIREBLOCKS_SECRET_KEY: privatePem, APP_URL: 'https://console.example.com' },
    });
    expect(r.appEnv.APP_URL).toBe('https://console.example.com');
    expect(r.idp?.client.redirectUris).toEqual(['https://console.example.com/auth/callback']);
  });
});
