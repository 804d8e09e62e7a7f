// A separate process appending audit events, for the store suite's concurrency test: several of these at once
// against one database must still produce seq 1..N with a valid chain. Run with `--conditions=react-server`.
// Arguments: a JSON object { databaseUrl?, dataDir, count, worker }.
import { appendAuditEvent } from '@/lib/audit/append';
import { createDb } from '@/lib/db/connect';
import { transaction } from '@/lib/db/transaction';

interface WorkerArgs {
  databaseUrl?: string;
  dataDir: string;
  count: number;
  worker: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as WorkerArgs;
const db = createDb({ databaseUrl: args.databaseUrl, dataDir: args.dataDir, maxConnections: 2 });
try {
  // Started together, the appends interleave with the other processes'.
  await Promise.all(
    Array.from({ length: args.count }, (_, i) =>
      transaction(db, (tx) => appendAuditEvent(tx, { kind: 'change_status', detail: { worker: args.worker, n: i } })),
    ),
  );
} finally {
  await db.close();
}
