import 'server-only';

import type { SelectQueryBuilder } from 'kysely';

import type { Db } from '@/lib/db/connect';
import type { Database } from '@/lib/db/tables';

import type { AuditFilter } from './audit-api-schemas';
import { verifyChain, type ChainVerdict } from './chain';
import { auditEventFromRow } from './rows';
import type { AuditEvent } from './audit-event-schema';

const BATCH_SIZE = 1000;

type EventsQuery = SelectQueryBuilder<Database, 'audit_events', object>;

/**
 * The filter as WHERE clauses. Each matches an index that ends in seq (lib/db/migrations), so a page newest first
 * is an index range read, never a scan of the events before it. `at` is ISO text on both engines and the filter's
 * times are normalised to the same form, so text comparison is time order.
 */
function whereFilter<Q extends EventsQuery>(query: Q, filter: AuditFilter): Q {
  let q: EventsQuery = query;
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.actor) q = q.where('actor_sub', '=', filter.actor);
  if (filter.cosignerId) q = q.where('cosigner_id', '=', filter.cosignerId);
  if (filter.apiKeyId) q = q.where('api_key_id', '=', filter.apiKeyId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  return q as Q;
}

export interface AuditEventsPage {
  /** Newest first. */
  events: AuditEvent[];
  /** The seq to read the next (older) page below; null when there is none. */
  nextBeforeSeq: number | null;
}

/**
 * One page of events newest first, by keyset: `seq < beforeSeq ORDER BY seq DESC LIMIT n + 1` (the extra row only
 * says whether another page follows). No OFFSET, so page 1,000 costs what page 1 does, and a page does not shift
 * when events are appended meanwhile.
 */
export async function listAuditEvents(
  db: Db,
  filter: AuditFilter,
  page: { beforeSeq?: number; limit: number },
): Promise<AuditEventsPage> {
  let query = whereFilter(db.kysely.selectFrom('audit_events').selectAll(), filter);
  if (page.beforeSeq !== undefined) query = query.where('seq', '<', page.beforeSeq);
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(page.limit + 1)
    .execute();
  const events = rows.slice(0, page.limit).map(auditEventFromRow);
  return { events, nextBeforeSeq: rows.length > page.limit ? (events.at(-1)?.seq ?? null) : null };
}

export interface StreamAuditEventsOptions {
  batchSize?: number;
  /** Only events matching it; a filtered walk is a subset of the chain and does not verify as one. */
  filter?: AuditFilter;
  /** Stop at this seq: an export is the chain as it stood when it began, however many events arrive meanwhile. */
  upToSeq?: number;
}

/**
 * Every event (matching the filter) in seq order, read in keyset batches (seq > last), so a walk over millions of
 * events holds one batch in memory at a time. No transaction is held between batches: the chain is append-only and
 * seq never reused, so the walk sees every event up to where it ends.
 */
export async function* streamAuditEventBatches(
  db: Db,
  options: StreamAuditEventsOptions = {},
): AsyncGenerator<AuditEvent[]> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  let afterSeq = 0;
  for (;;) {
    let query = whereFilter(db.kysely.selectFrom('audit_events').selectAll(), options.filter ?? {}).where(
      'seq',
      '>',
      afterSeq,
    );
    if (options.upToSeq !== undefined) query = query.where('seq', '<=', options.upToSeq);
    const rows = await query.orderBy('seq').limit(batchSize).execute();
    if (rows.length) yield rows.map(auditEventFromRow);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    afterSeq = last.seq;
  }
}

/** Like streamAuditEventBatches, one event at a time. */
export async function* streamAuditEvents(
  db: Db,
  batchSize = BATCH_SIZE,
  options: Omit<StreamAuditEventsOptions, 'batchSize'> = {},
): AsyncGenerator<AuditEvent> {
  for await (const batch of streamAuditEventBatches(db, { ...options, batchSize })) yield* batch;
}

/** The seq of the newest event, 0 when there is none. */
export async function auditHeadSeq(db: Db): Promise<number> {
  const head = await db.kysely
    .selectFrom('audit_events')
    .select('seq')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return head?.seq ?? 0;
}

/** Recomputes the chain from the database's columns, so a tampered column is named by its seq. */
export function verifyDatabaseChain(db: Db): Promise<ChainVerdict> {
  return verifyChain(streamAuditEvents(db));
}
