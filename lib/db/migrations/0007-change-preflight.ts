import type { Kysely } from 'kysely';

/**
 * A change's last pre-flight check of its target (lib/preflight): JSON text, null when none ran (PREFLIGHT=off, or
 * a change recorded before the check existed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('changes').addColumn('preflight', 'text').execute();
}
