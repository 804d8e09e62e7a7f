import 'server-only';

import type { Db } from '@/lib/db/connect';

import { verifyChain, type ChainVerdict } from './chain';
import { auditEventFromRow } from './rows';
import type { AuditEvent } from './schema';

const BATCH_SIZE = 1000;

/**
 * Every event in seq order, read in keyset batches (seq > last), so a walk over millions of events holds one
 * batch in memory. Events appended during the walk are included if they land before it ends.
 */
export async function* streamAuditEvents(db: Db, batchSize = BATCH_SIZE): AsyncGenerator<AuditEvent> {
  let afterSeq = 0;
  for (;;) {
    const rows = await db.kysely.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(batchSize).execute();
    for (const row of rows) yield auditEventFromRow(row);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    afterSeq = last.seq;
  }
}

/** Recomputes the chain from the database's columns, so a tampered column is named by its seq. */
export function verifyDatabaseChain(db: Db): Promise<ChainVerdict> {
  return verifyChain(streamAuditEvents(db));
}
