import { describe, expect, it } from 'vitest';

import { DEV_IDP_OPT_IN, devIdpRefusal } from './dev-idp-guard';

const REAL = 'https://sandbox-api.fireblocks.io/v1';

describe('devIdpRefusal', () => {
  it('allows the dev IdP in front of the simulator (unset or loopback FIREBLOCKS_BASE_URL)', () => {
    expect(devIdpRefusal({})).toBeUndefined();
    expect(devIdpRefusal({ FIREBLOCKS_BASE_URL: '  ' })).toBeUndefined();
    for (const url of ['http://127.0.0.1:4010/v1', 'http://localhost:4010/v1', 'http://[::1]:4010/v1']) {
      expect(devIdpRefusal({ FIREBLOCKS_BASE_URL: url })).toBeUndefined();
    }
  });

  it('refuses it in front of a real workspace, naming OIDC_ISSUER and the opt-in', () => {
    const refusal = devIdpRefusal({ FIREBLOCKS_BASE_URL: REAL });
    expect(refusal).toContain('sandbox-api.fireblocks.io');
    expect(refusal).toContain('OIDC_ISSUER');
    expect(refusal).toContain('DEV_IDP_WITH_REAL_FIREBLOCKS=i-understand-anyone-can-sign-in');
  });

  it('refuses a FIREBLOCKS_BASE_URL that is not a URL rather than treating it as loopback', () => {
    expect(devIdpRefusal({ FIREBLOCKS_BASE_URL: 'sandbox-api.fireblocks.io' })).toContain('OIDC_ISSUER');
  });

  it('is satisfied by a real IdP, or by the opt-in with its exact value only', () => {
    expect(devIdpRefusal({ FIREBLOCKS_BASE_URL: REAL, OIDC_ISSUER: 'https://login.example.com' })).toBeUndefined();
    expect(devIdpRefusal({ FIREBLOCKS_BASE_URL: REAL, [DEV_IDP_OPT_IN.name]: DEV_IDP_OPT_IN.value })).toBeUndefined();
    for (const value of ['1', 'true', 'yes', '']) {
      expect(devIdpRefusal({ FIREBLOCKS_BASE_URL: REAL, [DEV_IDP_OPT_IN.name]: value })).toBeDefined();
    }
  });
});
