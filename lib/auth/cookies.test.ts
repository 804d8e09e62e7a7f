import { describe, expect, it } from 'vitest';

import { loginCookie, logoutHintCookie, sessionCookie } from './cookies';

const at = (production: boolean, url: string) => ({ production, appUrl: new URL(url) });

describe('cookie attributes', () => {
  it('production on https: __Host- name and Secure', () => {
    expect(sessionCookie(at(true, 'https://console.example.com'))).toEqual({
      name: '__Host-cc_session',
      attributes: { httpOnly: true, sameSite: 'lax', path: '/', secure: true },
    });
    expect(loginCookie(at(true, 'https://console.example.com')).name).toBe('__Host-cc_login');
  });

  it('development, or production on http loopback: plain name, not Secure (browsers would drop it)', () => {
    for (const c of [
      at(false, 'http://localhost:3000'),
      at(false, 'https://console.example.com'),
      at(true, 'http://127.0.0.1:3300'),
    ]) {
      expect(sessionCookie(c)).toEqual({
        name: 'cc_session',
        attributes: { httpOnly: true, sameSite: 'lax', path: '/', secure: false },
      });
    }
  });

  it('the logout hint is sent with the sign-out POST only: Path=/auth/logout, so __Secure- rather than __Host-', () => {
    expect(logoutHintCookie(at(true, 'https://console.example.com'))).toEqual({
      name: '__Secure-cc_logout_hint',
      attributes: { httpOnly: true, sameSite: 'lax', path: '/auth/logout', secure: true },
    });
    expect(logoutHintCookie(at(false, 'http://localhost:3000')).name).toBe('cc_logout_hint');
  });
});
