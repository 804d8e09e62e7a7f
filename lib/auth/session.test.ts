import { sealData } from 'iron-session';
import { describe, expect, it } from 'vitest';

import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_REFRESH_AFTER_MS,
  newSession,
  sealSession,
  sessionMaxAgeSeconds,
  touchSession,
  unsealSession,
} from './session';

const SECRET = 'a-test-session-secret-of-at-least-32-chars';
const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);
const alice = { sub: 'alice', name: 'Alice', email: 'alice@example.test', role: 'admin' as const };

describe('session seal', () => {
  it('round-trips the user and timestamps, nothing else', async () => {
    const sealed = await sealSession(newSession(alice, T0), SECRET);
    expect(sealed.startsWith('Fe26.2*')).toBe(true);
    expect(sealed).not.toContain('alice');
    expect(await unsealSession(sealed, SECRET, T0 + 1000)).toEqual({ user: alice, createdAt: T0, lastSeenAt: T0 });
  });

  it('refuses a tampered seal, another secret, garbage and nothing', async () => {
    const sealed = await sealSession(newSession(alice, T0), SECRET);
    const flipped = sealed.slice(0, 60) + (sealed[60] === 'A' ? 'B' : 'A') + sealed.slice(61);
    expect(await unsealSession(flipped, SECRET, T0)).toBeNull();
    expect(await unsealSession(sealed, 'another-secret-that-is-32-characters-long', T0)).toBeNull();
    expect(await unsealSession('not-a-seal', SECRET, T0)).toBeNull();
    expect(await unsealSession(undefined, SECRET, T0)).toBeNull();
  });

  it('refuses a validly sealed value of another shape (e.g. a login transaction or a forged role)', async () => {
    const login = await sealData({ kind: 'login', codeVerifier: 'x'.repeat(43), state: 's', nonce: 'n', returnTo: '/' }, { password: SECRET });
    expect(await unsealSession(login, SECRET, T0)).toBeNull();
    const forged = await sealData({ kind: 'session', user: { ...alice, role: 'root' }, createdAt: T0, lastSeenAt: T0 }, { password: SECRET });
    expect(await unsealSession(forged, SECRET, T0)).toBeNull();
  });
});

describe('remembered seals (lib/auth/unseal-memo.ts)', () => {
  it('a cookie read before reads the same again, still judged live or not at each request', async () => {
    const sealed = await sealSession(newSession(alice, T0), SECRET);
    const first = await unsealSession(sealed, SECRET, T0 + 1000);
    expect(await unsealSession(sealed, SECRET, T0 + 2000)).toEqual(first);
    expect(await unsealSession(sealed, SECRET, T0 + SESSION_IDLE_MS)).toBeNull();
    expect(await unsealSession(sealed, SECRET, T0 - 1)).toBeNull();
  });

  it('another secret gets nothing from a seal read before, and a returned session cannot change the next', async () => {
    const sealed = await sealSession(newSession(alice, T0), SECRET);
    const read = await unsealSession(sealed, SECRET, T0);
    expect(await unsealSession(sealed, 'another-secret-that-is-32-characters-long', T0)).toBeNull();
    if (read) read.user.role = 'viewer';
    expect((await unsealSession(sealed, SECRET, T0))?.user.role).toBe('admin');
  });
});

describe('session lifetime', () => {
  it('ends 30 min after the last refresh (idle)', async () => {
    const sealed = await sealSession(newSession(alice, T0), SECRET);
    expect(await unsealSession(sealed, SECRET, T0 + SESSION_IDLE_MS - 1)).not.toBeNull();
    expect(await unsealSession(sealed, SECRET, T0 + SESSION_IDLE_MS)).toBeNull();
  });

  it('ends 8 h after sign-in however active (absolute)', async () => {
    const active = { user: alice, createdAt: T0, lastSeenAt: T0 + SESSION_ABSOLUTE_MS - 60_000 };
    const sealed = await sealSession(active, SECRET);
    expect(await unsealSession(sealed, SECRET, T0 + SESSION_ABSOLUTE_MS - 1)).not.toBeNull();
    expect(await unsealSession(sealed, SECRET, T0 + SESSION_ABSOLUTE_MS)).toBeNull();
  });

  it('refuses timestamps from the future', async () => {
    const sealed = await sealSession(newSession(alice, T0 + 60_000), SECRET);
    expect(await unsealSession(sealed, SECRET, T0)).toBeNull();
  });

  it('slides lastSeenAt only once it is a minute old', () => {
    const s = newSession(alice, T0);
    expect(touchSession(s, T0 + SESSION_REFRESH_AFTER_MS - 1)).toBeNull();
    expect(touchSession(s, T0 + SESSION_REFRESH_AFTER_MS)).toEqual({ ...s, lastSeenAt: T0 + SESSION_REFRESH_AFTER_MS });
  });

  it('sets the cookie max-age to what is left of the absolute lifetime', () => {
    const s = newSession(alice, T0);
    expect(sessionMaxAgeSeconds(s, T0)).toBe(8 * 3600);
    expect(sessionMaxAgeSeconds(s, T0 + 3600_000)).toBe(7 * 3600);
    expect(sessionMaxAgeSeconds(s, T0 + SESSION_ABSOLUTE_MS + 1)).toBe(0);
  });
});
