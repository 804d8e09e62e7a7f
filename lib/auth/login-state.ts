import 'server-only';

import { createHash } from 'node:crypto';

import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';

/** How long a user may spend at the IdP between /auth/login and /auth/callback. */
export const LOGIN_STATE_TTL_SECONDS = 10 * 60;

/** The sign-in transaction, sealed into its own short-lived cookie between login and callback. */
export interface LoginState {
  codeVerifier: string;
  state: string;
  nonce: string;
  returnTo: string;
  /**
   * A step-up sign-in (an approval needs a recent authentication): the `max_age` sent to the IdP, in seconds, which
   * the callback holds the returned `auth_time` to. Null for an ordinary sign-in.
   */
  maxAgeSeconds: number | null;
  /**
   * A step-up re-authenticates the person whose session asked for it: who that is (the callback refuses anyone
   * else, and leaves that session as it was). Null for an ordinary sign-in.
   */
  expectedSubject: { iss: string; sub: string; name: string } | null;
  /**
   * Epoch ms the newest session of this browser was revoked at, when it was: the sign-in asked the IdP for a fresh
   * authentication (`prompt=login`), and the callback refuses one from before that moment. Null otherwise.
   */
  reauthAfter: number | null;
}

const loginStateSchema = z.object({
  kind: z.literal('login'),
  codeVerifier: z.string().min(43),
  state: z.string().min(1),
  nonce: z.string().min(1),
  returnTo: z.string(),
  maxAgeSeconds: z.number().int().positive().nullable().default(null),
  expectedSubject: z.object({ iss: z.string(), sub: z.string(), name: z.string() }).nullable().default(null),
  reauthAfter: z.number().int().nonnegative().nullable().default(null),
});

export async function sealLoginState(state: LoginState, secret: string): Promise<string> {
  return sealData({ kind: 'login', ...state }, { password: secret, ttl: LOGIN_STATE_TTL_SECONDS });
}

/** `null` when missing, tampered, expired (iron TTL) or of another kind (a session seal is not a login state). */
export async function unsealLoginState(value: string | undefined, secret: string): Promise<LoginState | null> {
  if (!value) return null;
  try {
    const parsed = loginStateSchema.safeParse(
      await unsealData<unknown>(value, { password: secret, ttl: LOGIN_STATE_TTL_SECONDS }),
    );
    if (!parsed.success) return null;
    const { codeVerifier, state, nonce, returnTo, maxAgeSeconds, expectedSubject, reauthAfter } = parsed.data;
    return { codeVerifier, state, nonce, returnTo, maxAgeSeconds, expectedSubject, reauthAfter };
  } catch {
    return null;
  }
}

/** What names a login state in the database and in memory: the SHA-256 of its random `state`, never the value. */
export function loginStateHash(state: Pick<LoginState, 'state'>): string {
  return createHash('sha256').update(state.state).digest('hex');
}
