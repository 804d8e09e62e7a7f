import type { BrowserContext } from '@playwright/test';

import { runTsFile } from '../runner/run-ts';
import { e2eEnv } from './e2e-env';
import { USERS, type UserName } from './users';

/** The dev IdP's claims for its users (idp/users.ts): a minted session names people as a sign-in would. */
const EMAILS: Record<UserName, string> = {
  alice: 'alice@example.test',
  bob: 'bob@example.test',
  vera: 'vera@example.test',
  nora: 'nora@example.test',
};

let issuer: Promise<string> | undefined;

/** The dev IdP's issuer, as its discovery document names it (what a real sign-in records on the session). */
function idpIssuer(): Promise<string> {
  issuer ??= fetch(new URL('/.well-known/openid-configuration', e2eEnv.TEST_IDP_URL)).then(async (res) => {
    if (!res.ok) throw new Error(`dev IdP discovery answered ${res.status}`);
    return ((await res.json()) as { issuer: string }).issuer;
  });
  return issuer;
}

export interface MintedSession {
  name: string;
  value: string;
}

/**
 * A session for one of the dev users, written into the running app's database (its DATA_DIR) by the app's own
 * session store in a separate process (testing/db/mint-session.ts), as a sign-in through the dev IdP would
 * leave it. `authAgeSeconds` dates the IdP authentication back (default: just now), to meet step-up.
 */
export async function mintSession(user: UserName, options: { authAgeSeconds?: number } = {}): Promise<MintedSession> {
  const who = USERS[user];
  if (who.role === null) throw new Error(`${user} has no role: sign in through the IdP instead`);
  const out = await runTsFile('testing/db/mint-session.ts', [
    JSON.stringify({
      dataDir: e2eEnv.TEST_DATA_DIR,
      secret: e2eEnv.TEST_SESSION_SECRET,
      appUrl: e2eEnv.TEST_APP_URL,
      iss: await idpIssuer(),
      user: { sub: who.login, name: who.name, email: EMAILS[user], role: who.role },
      authTime: Date.now() - (options.authAgeSeconds ?? 0) * 1000,
    }),
  ]);
  if (out.code !== 0) throw new Error(`minting a session for ${user} failed (${out.code}): ${out.stderr}`);
  return JSON.parse(out.stdout) as MintedSession;
}

/** Puts a minted session's cookie into a browser context, for the app's origin. */
export async function useSession(context: BrowserContext, session: MintedSession): Promise<void> {
  const app = new URL(e2eEnv.TEST_APP_URL);
  await context.addCookies([
    { name: session.name, value: session.value, domain: app.hostname, path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
}
