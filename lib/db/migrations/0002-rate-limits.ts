import type { Kysely } from 'kysely';

import type { DbEngine } from '../connect';

/**
 * The rate limiter's counters (rate-limiter-flexible's PostgreSQL and SQLite stores, lib/api-routes/rate-limit.ts), in the
 * console's database so every replica counts against the same limit. The columns are the ones those stores read and
 * write: `key` (the limiter's prefix and the user), `points` used in the window, `expire` the window's end in epoch ms.
 */
export async function up(db: Kysely<unknown>, engine: DbEngine): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', engine === 'postgres' ? 'bigint' : 'integer')
    .execute();
}
