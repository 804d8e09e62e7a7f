import type { Kysely } from 'kysely';

import type { DbEngine } from '../connect';

/**
 * What people need to recognise and follow their own things:
 * - on each session, the browser (User-Agent text, at most 512 characters) and address it signed in from, and the
 *   SHA-256 of the browser's own random id (the `cc_browser` cookie), so that a browser whose latest session was
 *   ended elsewhere is asked for a password at its next sign-in, whenever it comes back;
 * - per person, when they last marked their inbox as seen.
 * Null for sessions made before.
 */
export async function up(db: Kysely<unknown>, engine: DbEngine): Promise<void> {
  const timestamp = engine === 'postgres' ? 'timestamptz' : 'text';
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('ip', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('browser_hash', 'text').execute();
  await db.schema
    .createIndex('sessions_browser_created')
    .on('sessions')
    .columns(['browser_hash', 'created_at'])
    .execute();
  await db.schema
    .createTable('inbox_marks')
    .addColumn('iss', 'text', (c) => c.notNull())
    .addColumn('sub', 'text', (c) => c.notNull())
    .addColumn('seen_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_marks_pk', ['iss', 'sub'])
    .execute();
}
