// Appends audit events to a console database through the app's own code (lib/db + appendAuditEvent: the real
// chain, not a copy), for tests and benches that need events before a real action makes them. Run with
// `--conditions=react-server` (runTsFile does). Argument: a JSON object
//   { databaseUrl?, dataDir, events?: AppendAuditEventInput[], generate?: number }
// `generate` appends that many varied events (kinds, actors, keys), 1,000 per transaction. Prints `{ "headSeq": N }`.
import { appendAuditEvent, type AppendAuditEventInput } from '@/lib/audit/append';
import { auditHeadSeq } from '@/lib/audit/read';
import { createDb } from '@/lib/db/connect';
import { migrateToLatest } from '@/lib/db/migrate';
import { transaction } from '@/lib/db/transaction';

interface SeedArgs {
  databaseUrl?: string;
  dataDir: string;
  events?: AppendAuditEventInput[];
  generate?: number;
}

const BATCH = 1000;
const SUBS = ['alice', 'bob', 'vera'];

/** The nth generated event: mostly change statuses on a few keys, some sign-ins, an actor from a short list. */
function generatedEvent(n: number): AppendAuditEventInput {
  const sub = SUBS[n % SUBS.length]!;
  const signIn = n % 10 === 0;
  return {
    kind: signIn ? 'sign_in' : 'change_status',
    actor: {
      iss: 'http://127.0.0.1/seed',
      sub,
      email: `${sub}@example.com`,
      name: sub,
      role: sub === 'vera' ? 'viewer' : 'admin',
    },
    cosignerId: signIn ? null : `seed-cosigner-${n % 7}`,
    apiKeyId: signIn ? null : `seed-key-${n % 50}`,
    changeId: signIn ? null : `seed-change-${Math.floor(n / 4)}`,
    fireblocksAsyncRequestId: signIn ? null : `seed-request-${Math.floor(n / 4)}`,
    before: signIn ? null : { url: 'https://old.example/cb', fingerprint: 'ab'.repeat(32) },
    after: signIn ? null : { url: 'https://new.example/cb', fingerprint: 'cd'.repeat(32) },
    detail: signIn ? null : { status: 'PENDING_APPROVAL', n },
  };
}

const args = JSON.parse(process.argv[2] ?? '{}') as SeedArgs;
const db = createDb({ databaseUrl: args.databaseUrl, dataDir: args.dataDir, maxConnections: 2 });
try {
  await migrateToLatest(db);
  const inputs = args.events ?? [];
  for (let i = 0; i < inputs.length; i += BATCH) {
    await transaction(db, async (tx) => {
      for (const input of inputs.slice(i, i + BATCH)) await appendAuditEvent(tx, input);
    });
  }
  for (let i = 0; i < (args.generate ?? 0); i += BATCH) {
    const end = Math.min(i + BATCH, args.generate ?? 0);
    await transaction(db, async (tx) => {
      for (let n = i; n < end; n++) await appendAuditEvent(tx, generatedEvent(n));
    });
  }
  console.log(JSON.stringify({ headSeq: await auditHeadSeq(db) }));
} finally {
  await db.close();
}
