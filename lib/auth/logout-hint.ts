import 'server-only';

import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';

import { SESSION_ABSOLUTE_MS } from './session';

/**
 * Browsers drop a cookie over 4096 bytes (name and value). An ID token heavy with groups can exceed this sealed;
 * then no hint is kept and sign-out identifies the console by client_id alone (lib/auth/oidc.ts endSessionUrl).
 */
const LOGOUT_HINT_MAX_CHARS = 3800;

const logoutHintSchema = z.object({ kind: z.literal('logout-hint'), idToken: z.string().min(1) });

/** The sealed ID token, or `undefined` when it would not fit in a cookie. Lives as long as a session can. */
export async function sealLogoutHint(idToken: string, secret: string): Promise<string | undefined> {
  const sealed = await sealData(
    { kind: 'logout-hint', idToken },
    { password: secret, ttl: SESSION_ABSOLUTE_MS / 1000 },
  );
  return sealed.length <= LOGOUT_HINT_MAX_CHARS ? sealed : undefined;
}

/** The ID token, or `undefined` when missing, tampered, expired or of another kind (a session seal is not a hint). */
export async function unsealLogoutHint(value: string | undefined, secret: string): Promise<string | undefined> {
  if (!value) return undefined;
  try {
    const parsed = logoutHintSchema.safeParse(
      await unsealData<unknown>(value, { password: secret, ttl: SESSION_ABSOLUTE_MS / 1000 }),
    );
    return parsed.success ? parsed.data.idToken : undefined;
  } catch {
    return undefined;
  }
}
