// Mints a console session for a test: the row written into the app's own database through lib/auth's session store,
// its id sealed with the app's SESSION_SECRET under the cookie name the app reads for its APP_URL (production server),
// the same way a sign-in through the IdP ends. For journeys that need a second admin's session on the side (an
// approval that is not what the journey is about) or a sign-in of a chosen age (step-up). Run with
// `--conditions=react-server` (runTsFile does). Argument: a JSON object
//   { dataDir, databaseUrl?, secret, appUrl, iss, user: { sub, name, email, role }, authTime?: epoch ms }
// Prints `{ "name": cookie name, "value": sealed id }`.
import { sessionCookie } from '@/lib/auth/cookies';
import { sealSessionId } from '@/lib/auth/session';
import { insertSession } from '@/lib/auth/session-store';
import { createDb } from '@/lib/db/connect';
import { transaction } from '@/lib/db/transaction';

interface MintArgs {
  dataDir: string;
  databaseUrl?: string;
  secret: string;
  appUrl: string;
  iss: string;
  user: { sub: string; name: string; email: string; role: 'admin' | 'viewer' };
  authTime?: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as MintArgs;
const now = Date.now();
const db = createDb({ databaseUrl: args.databaseUrl, dataDir: args.dataDir, maxConnections: 1 });
try {
  const { id } = await transaction(db, (tx) =>
    insertSession(tx, { iss: args.iss, user: args.user, authTime: args.authTime ?? now }, now),
  );
  const { name } = sessionCookie({ production: true, appUrl: new URL(args.appUrl) });
  console.log(JSON.stringify({ name, value: await sealSessionId(id, args.secret) }));
} finally {
  await db.close();
}
