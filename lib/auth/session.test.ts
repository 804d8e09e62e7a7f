import { sealData } from 'iron-session';
import { describe, expect, it } from 'vitest';

import {
  hashSessionId,
  newSessionId,
  sealSessionId,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionDeadlines,
  sessionHandle,
  sessionMaxAgeSeconds,
  unsealSessionId,
} from './session';

const SECRET = 'a-test-session-secret-of-at-least-32-chars';
const OTHER_SECRET = 'another-secret-that-is-32-characters-long';

describe('session id', () => {
  it('is 32 random bytes in base64url; the row keeps only its SHA-256, the API only the hash’s start', () => {
    const id = newSessionId();
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(newSessionId()).not.toBe(id);
    const hash = hashSessionId(id);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionHandle(hash)).toBe(hash.slice(0, 16));
    expect(hash).not.toContain(id);
  });
});

describe('session cookie seal', () => {
  it('round-trips the id and nothing else', async () => {
    const id = newSessionId();
    const sealed = await sealSessionId(id, SECRET);
    expect(sealed.startsWith('Fe26.2*')).toBe(true);
    expect(sealed).not.toContain(id);
    expect(await unsealSessionId(sealed, SECRET)).toBe(id);
  });

  it('refuses a tampered seal, another secret, garbage and nothing', async () => {
    const sealed = await sealSessionId(newSessionId(), SECRET);
    const flipped = sealed.slice(0, 60) + (sealed[60] === 'A' ? 'B' : 'A') + sealed.slice(61);
    expect(await unsealSessionId(flipped, SECRET)).toBeNull();
    expect(await unsealSessionId(sealed, OTHER_SECRET)).toBeNull();
    expect(await unsealSessionId('not-a-seal', SECRET)).toBeNull();
    expect(await unsealSessionId(undefined, SECRET)).toBeNull();
  });

  it('refuses a validly sealed value of another shape (a login transaction, or an old cookie that carried the user)', async () => {
    const login = await sealData(
      { kind: 'login', codeVerifier: 'x'.repeat(43), state: 's', nonce: 'n', returnTo: '/' },
      { password: SECRET },
    );
    expect(await unsealSessionId(login, SECRET)).toBeNull();
    const userCookie = await sealData(
      { kind: 'session', user: { sub: 'alice', role: 'admin' }, createdAt: 1, lastSeenAt: 1 },
      { password: SECRET },
    );
    expect(await unsealSessionId(userCookie, SECRET)).toBeNull();
  });

  it('a seal read before reads the same again (remembered), and another secret gets nothing from it', async () => {
    const id = newSessionId();
    const sealed = await sealSessionId(id, SECRET);
    expect(await unsealSessionId(sealed, SECRET)).toBe(id);
    expect(await unsealSessionId(sealed, OTHER_SECRET)).toBeNull();
    expect(await unsealSessionId(sealed, SECRET)).toBe(id);
  });

  it('sets the cookie max-age to what is left of the absolute lifetime', () => {
    const t0 = Date.UTC(2026, 0, 1, 9);
    const session = { expiresAt: t0 + 8 * 3600_000 };
    expect(sessionMaxAgeSeconds(session, t0)).toBe(8 * 3600);
    expect(sessionMaxAgeSeconds(session, t0 + 3600_000)).toBe(7 * 3600);
    expect(sessionMaxAgeSeconds(session, t0 + 8 * 3600_000 + 1)).toBe(0);
  });
});

describe('sessionDeadlines', () => {
  const T0 = Date.parse('2026-11-30T10:00:00.000Z');

  it('counts down to the idle end, 30 min after the last activity', () => {
    const d = sessionDeadlines({ lastSeenAt: T0, expiresAt: T0 + SESSION_ABSOLUTE_MS }, T0 + 28 * 60_000 + 500);
    expect(d).toEqual({
      idleExpiresAt: new Date(T0 + SESSION_IDLE_MS).toISOString(),
      expiresAt: new Date(T0 + SESSION_ABSOLUTE_MS).toISOString(),
      secondsLeft: 119,
    });
  });

  it('counts down to the absolute end when that comes first, and never below zero', () => {
    const session = { lastSeenAt: T0, expiresAt: T0 + 10 * 60_000 };
    expect(sessionDeadlines(session, T0).secondsLeft).toBe(600);
    expect(sessionDeadlines(session, T0 + 11 * 60_000).secondsLeft).toBe(0);
  });
});
