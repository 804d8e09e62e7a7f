import { describe, expect, it } from 'vitest';

import { apiSecurityHeaders, contentSecurityPolicy, createNonce, securityHeaders } from './headers';

const base = { nonce: 'abc123==', idpOrigin: 'https://login.example.com' };

describe('contentSecurityPolicy', () => {
  it('production: nonce + strict-dynamic scripts, no eval, locked framing/objects/base, forms to self and the IdP', () => {
    const csp = contentSecurityPolicy({ ...base, production: true, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic';");
    expect(csp).not.toContain('unsafe-eval');
    for (const d of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self' https://login.example.com",
      'upgrade-insecure-requests',
    ]) {
      expect(csp).toContain(d);
    }
  });

  it('development adds only unsafe-eval (React dev tooling); http never gets upgrade-insecure-requests', () => {
    const csp = contentSecurityPolicy({ ...base, production: false, https: false });
    expect(csp).toContain("'strict-dynamic' 'unsafe-eval'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ ...base, production: true, https: false })).not.toContain(
      'upgrade-insecure-requests',
    );
  });
});

describe('securityHeaders', () => {
  it('HSTS only in production; nosniff, referrer and permissions policies always', () => {
    const prod = securityHeaders({ ...base, production: true, https: true });
    const dev = securityHeaders({ ...base, production: false, https: false });
    expect(prod['Strict-Transport-Security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(dev['Strict-Transport-Security']).toBeUndefined();
    for (const h of [prod, dev]) {
      expect(h['X-Content-Type-Options']).toBe('nosniff');
      expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
      expect(h['Permissions-Policy']).toContain('camera=()');
      expect(h['X-Frame-Options']).toBe('DENY');
    }
  });
});

describe('apiSecurityHeaders', () => {
  it('a JSON answer: a policy that allows nothing and no framing, nosniff, referrer policy, no-store; HSTS in production', () => {
    const prod = apiSecurityHeaders(true);
    expect(prod).toEqual({
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store, no-transform',
      'Strict-Transport-Security': securityHeaders({ ...base, production: true, https: true })[
        'Strict-Transport-Security'
      ],
    });
    expect(apiSecurityHeaders(false)['Strict-Transport-Security']).toBeUndefined();
  });
});

describe('createNonce', () => {
  it('is 128 bits of base64 and differs each time', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});
