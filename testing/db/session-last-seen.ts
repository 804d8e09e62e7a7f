// Sets when a session was last active, in a console database, so a test can bring its idle end close without
// waiting 30 minutes. Run with `--conditions=react-server` (runTsFile does). Argument: a JSON object
//   { databaseUrl?, dataDir, handle, lastSeenAt }
// `handle` is the session's public handle (GET /api/sessions), `lastSeenAt` an ISO instant; the sign-in moves back to
// it too (a row last seen before it was created is refused as forged). Prints `{ "updated": N }`.
import { createDb } from '@/lib/db/connect';

interface Args {
  databaseUrl?: string;
  dataDir: string;
  handle: string;
  lastSeenAt: string;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
if (!/^[0-9a-f]{16}$/.test(args.handle)) throw new Error(`not a session handle: ${args.handle}`);
const db = createDb({ databaseUrl: args.databaseUrl, dataDir: args.dataDir, maxConnections: 1 });
try {
  const result = await db.kysely
    .updateTable('sessions')
    .set({ last_seen_at: new Date(args.lastSeenAt).toISOString(), created_at: new Date(args.lastSeenAt).toISOString() })
    .where('id_hash', 'like', `${args.handle}%`)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  console.log(JSON.stringify({ updated: Number(result.numUpdatedRows) }));
} finally {
  await db.close();
}
