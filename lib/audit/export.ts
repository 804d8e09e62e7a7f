import 'server-only';

import type { Db } from '@/lib/db/connect';

import { isFiltered, type AuditExportQuery } from './audit-api-schemas';
import { toJsonLine } from './chain';
import { AUDIT_CSV_COLUMNS, auditEventCsvLine, csvLine } from './csv';
import { resolveAuditFilter, type CosignerIdsNamed } from './audit-page';
import { auditHeadSeq, streamAuditEventBatches, type ResolvedAuditFilter } from './read';

/**
 * Events per database read and per chunk. Small on purpose: a batch's rows and events stay alive across the awaits
 * that stream it, so V8 promotes them to the old generation, which only a major GC reclaims; with 1,000 a batch the
 * server's heap grew by ~100 MiB during a 100,000-event export before collecting, with 250 by ~40 MiB (bench/audit.ts).
 */
const EXPORT_BATCH = 250;

export interface AuditExport {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  fileName: string;
}

/**
 * Text chunks of the export: one per keyset batch of events (EXPORT_BATCH), in seq order, up to the chain's head when the
 * export began. JSONL lines are exactly what was hashed (toJsonLine), so `npm run audit:verify -- --file` accepts
 * an unfiltered export; a filtered one is a subset and does not verify as a chain.
 */
async function* exportChunks(
  db: Db,
  format: AuditExportQuery['format'],
  filter: ResolvedAuditFilter,
  upToSeq: number,
): AsyncGenerator<string> {
  if (format === 'csv') yield csvLine(AUDIT_CSV_COLUMNS);
  for await (const batch of streamAuditEventBatches(db, { filter, upToSeq, batchSize: EXPORT_BATCH })) {
    yield format === 'csv' ? batch.map(auditEventCsvLine).join('') : batch.map((e) => `${toJsonLine(e)}\n`).join('');
  }
}

/**
 * A pull-based stream: the next batch is read from the database only when the consumer (the HTTP response, so the
 * client's socket) has taken the previous one, so memory holds about one batch whatever the export's size, and a
 * slow download slows the reads instead of filling the heap. A client that goes away cancels the stream, which
 * ends the walk.
 */
function pullStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    // No read-ahead: one chunk waits in the queue at most.
    { highWaterMark: 0 },
  );
}

/** The export as a streamed download: its body, content type and a file name saying what it holds. */
export async function exportAuditEvents(
  db: Db,
  query: AuditExportQuery,
  cosignerIdsNamed: CosignerIdsNamed,
  now = new Date(),
): Promise<AuditExport> {
  const { format, ...filter } = query;
  // Resolved before the download starts: a cosigner name that cannot be read is an error answer, not a cut file.
  const resolved = await resolveAuditFilter(filter, cosignerIdsNamed);
  const upToSeq = await auditHeadSeq(db);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const scope = isFiltered(query) ? 'filtered' : `1-${upToSeq}`;
  return {
    body: pullStream(exportChunks(db, format, resolved, upToSeq)),
    contentType:
      query.format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/x-ndjson; charset=utf-8',
    fileName: `audit-events-${scope}-${stamp}.${query.format}`,
  };
}
