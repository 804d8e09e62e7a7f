import { sessionCookie } from '@/lib/auth/cookies';
import { sealSessionId } from '@/lib/auth/session';
import { endSessionOfCookie, insertSession } from '@/lib/auth/session-store';
import { createDb, transaction } from '@/lib/db';

export interface TestUser {
  sub: string;
  name: string;
  email: string;
  role: 'admin' | 'viewer' | null;
}

export const ALICE: TestUser = { sub: 'alice', name: 'Alice Admin', email: 'alice@example.com', role: 'admin' };
export const BOB: TestUser = { sub: 'bob', name: 'Bob Admin', email: 'bob@example.com', role: 'admin' };
export const VERA: TestUser = { sub: 'vera', name: 'Vera Viewer', email: 'vera@example.com', role: 'viewer' };
export const NORA: TestUser = { sub: 'nora', name: 'Nora Nogroup', email: 'nora@example.com', role: null };

export interface MintOptions {
  appUrl: string;
  /** The app's SESSION_SECRET. */
  secret: string;
  /** The app's DATA_DIR: its SQLite database, where the session's row goes. */
  dataDir: string;
  /** The app's PostgreSQL database instead (the replica suites), where the session's row goes. */
  databaseUrl?: string;
  /** Epoch ms of sign-in; default now. */
  createdAt?: number;
  /** Epoch ms of the last activity; default createdAt. */
  lastSeenAt?: number;
  /** Epoch ms of the IdP authentication (OIDC `auth_time`, what step-up checks); default createdAt, null: unknown. */
  authTime?: number | null;
  /** Revoke the row after making it (the route walk's "signed out, cookie copied" case). */
  revoked?: boolean;
}

const TEST_ISSUER = 'http://idp.test.invalid';

/**
 * A `Cookie` header carrying a real session: its row written into the app's own database through the app's own
 * session store (lib/auth/session-store.ts), its id sealed with the app's SESSION_SECRET under the name the app reads
 * for its APP_URL (production server). The OIDC flow that normally does this is tested in
 * lib/auth/sign-in.integration.test.ts and the e2e journeys; minting here lets a suite forge expired or revoked
 * sessions too.
 */
export async function sessionCookieHeader(user: TestUser, o: MintOptions): Promise<string> {
  const { name } = sessionCookie({ production: true, appUrl: new URL(o.appUrl) });
  const createdAt = o.createdAt ?? Date.now();
  const db = createDb({ dataDir: o.dataDir, databaseUrl: o.databaseUrl });
  try {
    const { id, session } = await transaction(db, (tx) =>
      insertSession(
        tx,
        { iss: TEST_ISSUER, user, authTime: o.authTime === undefined ? createdAt : o.authTime },
        createdAt,
      ),
    );
    if (o.lastSeenAt !== undefined) {
      await db.kysely
        .updateTable('sessions')
        .set({ last_seen_at: new Date(o.lastSeenAt).toISOString() })
        .where('id_hash', '=', session.idHash)
        .execute();
    }
    const sealed = await sealSessionId(id, o.secret);
    if (o.revoked) await endSessionOfCookie(db, sealed, o.secret, Date.now());
    return `${name}=${sealed}`;
  } finally {
    await db.close();
  }
}

/**
 * Session cookies for one app, each user's minted once (sessionCookieHeader) and handed out again after. `app` is read
 * at the first mint, so it may name a server a beforeAll has yet to start.
 */
export function sessionCookies(
  app: () => { appUrl: string; sessionSecret: string; dataDir: string },
): (user: TestUser) => Promise<string> {
  const minted = new Map<string, Promise<string>>();
  return (user) => {
    let cookie = minted.get(user.sub);
    if (!cookie) {
      const { appUrl, sessionSecret, dataDir } = app();
      cookie = sessionCookieHeader(user, { appUrl, secret: sessionSecret, dataDir });
      minted.set(user.sub, cookie);
    }
    return cookie;
  };
}
