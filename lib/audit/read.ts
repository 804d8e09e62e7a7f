import 'server-only';

import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';

import type { Db } from '@/lib/db/connect';
import type { Database } from '@/lib/db/tables';

import type { AuditFilter } from './audit-api-schemas';
import { verifyChain, type ChainVerdict } from './chain';
import { auditEventFromRow } from './rows';
import type { AuditEvent } from './audit-event-schema';

const BATCH_SIZE = 1000;

type EventsQuery = SelectQueryBuilder<Database, 'audit_events', object>;

/** The filter with the cosigner's name resolved: the ids of the cosigners whose names hold `cosigner`. */
export type ResolvedAuditFilter = AuditFilter & { cosignerIdsNamed?: readonly string[] };

type EventsEb = ExpressionBuilder<Database, 'audit_events'>;
type IdColumn =
  'cosigner_id' | 'api_key_id' | 'change_id' | 'request_id' | 'fireblocks_request_id' | 'fireblocks_async_request_id';

/** `%`, `_` and `\` taken literally in a LIKE pattern (the ESCAPE character is `\` on both engines). */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The column begins with `prefix`, in any case (ids are shown cut short, and pasted in either case). */
const startsWith = (column: IdColumn, prefix: string) =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${`${likeLiteral(prefix.toLowerCase())}%`} escape '\\'`;

/** One field of the actor as the hashed event holds it (never a copy beside it). */
const actorField = (db: Db, field: 'sub' | 'email' | 'name') =>
  db.engine === 'postgres'
    ? sql<string | null>`(actor::jsonb ->> ${field})`
    : sql<string | null>`json_extract(actor, ${`$.${field}`})`;

/** Ids accepted by the id filters (the schema's own rule), so a name is never read as a pattern of one. */
const ID_TEXT = /^[A-Za-z0-9._~-]+$/;

/**
 * The filter as WHERE clauses. Kind and time use indexes that end in seq, so a page newest first is an index range
 * read. The id prefixes, the actor and the cosigner are conditions on the walk down seq, which stops once a page
 * is full: a cost that grows with how rare the match is, not with the trail (docs/contracts.md, "Audit"). `at` is
 * ISO text on both engines and the filter's times are normalised to the same form, so text comparison is time order.
 */
function whereFilter<Q extends EventsQuery>(db: Db, query: Q, filter: ResolvedAuditFilter): Q {
  let q: EventsQuery = query;
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.actor) {
    const wanted = filter.actor.toLowerCase();
    const fields = (['sub', 'email', 'name'] as const).map(
      (f) => sql<SqlBool>`lower(${actorField(db, f)}) = ${wanted}`,
    );
    q = q.where(sql<SqlBool>`(${sql.join(fields, sql` or `)})`);
  }
  if (filter.cosigner !== undefined) {
    const text = filter.cosigner;
    const ids = filter.cosignerIdsNamed ?? [];
    q = q.where((eb: EventsEb) => {
      const either: Expression<SqlBool>[] = [];
      if (ID_TEXT.test(text)) either.push(startsWith('cosigner_id', text));
      if (ids.length > 0) either.push(eb('cosigner_id', 'in', ids));
      return either.length > 0 ? eb.or(either) : sql<SqlBool>`1 = 0`;
    });
  }
  if (filter.cosignerId) q = q.where(startsWith('cosigner_id', filter.cosignerId));
  if (filter.apiKeyId) q = q.where(startsWith('api_key_id', filter.apiKeyId));
  if (filter.changeId) q = q.where(startsWith('change_id', filter.changeId));
  if (filter.requestId) {
    const prefix = filter.requestId;
    q = q.where((eb: EventsEb) =>
      eb.or([
        startsWith('request_id', prefix),
        startsWith('fireblocks_request_id', prefix),
        startsWith('fireblocks_async_request_id', prefix),
      ]),
    );
  }
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
  filter: ResolvedAuditFilter,
  page: { beforeSeq?: number; limit: number },
): Promise<AuditEventsPage> {
  let query = whereFilter(db, db.kysely.selectFrom('audit_events').selectAll(), filter);
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
  filter?: ResolvedAuditFilter;
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
    let query = whereFilter(db, db.kysely.selectFrom('audit_events').selectAll(), options.filter ?? {}).where(
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
