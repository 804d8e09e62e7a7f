import { sql, type Kysely } from 'kysely';

import type { DbEngine } from '../connect';

/**
 * The first schema: sessions, changes, audit_events. A migration is frozen once released: its lists are written
 * out here rather than imported, so a later edit of the app's constants cannot change what it creates.
 */
const CHANGE_STATES = [
  'awaiting_approval',
  'sending',
  'sent',
  'completed',
  'rejected',
  'cancelled',
  'failed',
  'unknown',
  'declined',
  'withdrawn',
  'expired',
  'stale',
];
const OPEN_STATES = ['awaiting_approval', 'sending', 'sent', 'unknown'];
const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>, engine: DbEngine): Promise<void> {
  const pg = engine === 'postgres';
  // PostgreSQL keeps native types; SQLite stores ISO 8601 text, which sorts and compares the same way.
  const timestamp = pg ? 'timestamptz' : 'text';
  const bigint = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('iss', 'text', (c) => c.notNull())
    .addColumn('sub', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('name', 'text')
    .addColumn('role', 'text')
    .addColumn('auth_time', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', timestamp, (c) => c.notNull())
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .addColumn('revoked_at', timestamp)
    .execute();
  await db.schema.createIndex('sessions_sub').on('sessions').column('sub').execute();

  await db.schema
    .createTable('changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cosigner_id', 'text', (c) => c.notNull())
    .addColumn('api_key_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('proposer', 'text', (c) => c.notNull())
    .addColumn('proposer_sub', 'text', (c) => c.notNull())
    .addColumn('approver', 'text')
    .addColumn('approver_sub', 'text')
    .addColumn('reason', 'text')
    .addColumn('before_handler', 'text', (c) => c.notNull())
    .addColumn('after_handler', 'text', (c) => c.notNull())
    .addColumn('fireblocks_request_id', 'text')
    .addColumn('fireblocks_x_request_id', 'text')
    .addColumn('last_fireblocks_status', 'text')
    .addColumn('decided_reason', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addColumn('expires_at', timestamp)
    .addColumn('closed_at', timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('changes_state_known', sql`state in (${inList(CHANGE_STATES)})`)
    // Four eyes, enforced where no code path can skip it.
    .addCheckConstraint('changes_approver_not_proposer', sql`approver_sub is null or approver_sub <> proposer_sub`)
    .addCheckConstraint('changes_reason_length', sql`reason is null or length(reason) <= 500`)
    .execute();
  // At most one open change per key: two admins (or replicas) racing cannot both open one.
  await db.schema
    .createIndex('changes_one_open_per_key')
    .unique()
    .on('changes')
    .columns(['cosigner_id', 'api_key_id'])
    .where(sql<boolean>`state in (${inList(OPEN_STATES)})`)
    .execute();
  await db.schema.createIndex('changes_state_created').on('changes').columns(['state', 'created_at']).execute();
  await db.schema
    .createIndex('changes_key_created')
    .on('changes')
    .columns(['cosigner_id', 'api_key_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', bigint, (c) => c.primaryKey().check(sql`seq >= 1`))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('actor_sub', 'text')
    .addColumn('change_id', 'text')
    .addColumn('cosigner_id', 'text')
    .addColumn('api_key_id', 'text')
    .addColumn('request_id', 'text')
    .addColumn('fireblocks_request_id', 'text')
    .addColumn('fireblocks_async_request_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  // The audit page's filters, each ending in seq for keyset paging newest first; change_id for a change's timeline.
  await db.schema.createIndex('audit_events_kind_seq').on('audit_events').columns(['kind', 'seq']).execute();
  await db.schema.createIndex('audit_events_actor_seq').on('audit_events').columns(['actor_sub', 'seq']).execute();
  await db.schema
    .createIndex('audit_events_key_seq')
    .on('audit_events')
    .columns(['cosigner_id', 'api_key_id', 'seq'])
    .execute();
  await db.schema.createIndex('audit_events_at_seq').on('audit_events').columns(['at', 'seq']).execute();
  await db.schema.createIndex('audit_events_change_seq').on('audit_events').columns(['change_id', 'seq']).execute();

  // Append-only, refused by the database itself.
  if (pg) {
    await sql`
      create function audit_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'restrict_violation';
      end
      $$`.execute(db);
    await sql`create trigger audit_events_no_update_delete before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(db);
    await sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_events_no_update before update on audit_events
      begin select raise(abort, 'audit_events is append-only: UPDATE refused'); end`.execute(db);
    await sql`create trigger audit_events_no_delete before delete on audit_events
      begin select raise(abort, 'audit_events is append-only: DELETE refused'); end`.execute(db);
  }
}
