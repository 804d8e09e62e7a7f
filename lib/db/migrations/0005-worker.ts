import type { Kysely } from 'kysely';

import type { DbEngine } from '../connect';

/**
 * The background worker's tables (lib/worker/). `worker_lease`: one row per lease (the worker's is `worker`), held by
 * one process at a time until `expires_at`, renewed on every tick of its holder, taken over by another replica once it
 * lapses; `term` grows by one whenever the holder changes, so work done under an older term can be told apart.
 * `worker_jobs`: the outcome of each job's last pass, written by the holder, read by any replica (status routes,
 * metrics).
 */
export async function up(db: Kysely<unknown>, engine: DbEngine): Promise<void> {
  const timestamp = engine === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('worker_lease')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('term', 'integer', (c) => c.notNull())
    .addColumn('acquired_at', timestamp, (c) => c.notNull())
    .addColumn('renewed_at', timestamp, (c) => c.notNull())
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('worker_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('every_ms', 'integer', (c) => c.notNull())
    .addColumn('started_at', timestamp, (c) => c.notNull())
    .addColumn('finished_at', timestamp, (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('ok_at', timestamp)
    // JSON text `{ code, message, at }` of the last pass when it failed; null when it succeeded.
    .addColumn('error', 'text')
    .execute();
}
