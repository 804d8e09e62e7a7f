import { describe, expect, it } from 'vitest';

import { loopbackAliasRedirect } from './app-origin';

describe('loopbackAliasRedirect', () => {
  const APP = 'http://localhost:3000';

  it('sends a sign-in started on another loopback name to APP_URL, path and query kept', () => {
    expect(loopbackAliasRedirect('127.0.0.1:3000', '/auth/login?returnTo=%2Fchanges', APP)?.toString()).toBe(
      'http://localhost:3000/auth/login?returnTo=%2Fchanges',
    );
    expect(loopbackAliasRedirect('[::1]:3000', '/auth/login', APP)?.toString()).toBe(
      'http://localhost:3000/auth/login',
    );
  });

  it('leaves APP_URL itself, a host that is not loopback, and a non-loopback APP_URL alone', () => {
    expect(loopbackAliasRedirect('localhost:3000', '/auth/login', APP)).toBeNull();
    expect(loopbackAliasRedirect('console.internal:3000', '/auth/login', APP)).toBeNull();
    expect(loopbackAliasRedirect('127.0.0.1:3000', '/auth/login', 'https://console.example.com')).toBeNull();
    expect(loopbackAliasRedirect(null, '/auth/login', APP)).toBeNull();
    expect(loopbackAliasRedirect('bad host', '/auth/login', APP)).toBeNull();
  });
});
