import 'server-only';

import { DEFAULT_MIGRATION_TABLE, Migrator } from 'kysely';

import type { Db } from './connect';
import { migrationsFor } from './migrations';

/** The database was migrated by a newer version of the console: this one must not run against it. */
export class MigrationRefusedError extends Error {
  override name = 'MigrationRefusedError';
  /** Migration names recorded in the database that this code does not have. */
  readonly unknownMigrations: string[];

  constructor(location: string, unknownMigrations: string[]) {
    super(
      `Cosigner Console cannot start: the database ${location} has migrations this version does not know ` +
        `(${unknownMigrations.join(', ')}). It was migrated by a newer version: run that version, or restore a ` +
        'backup taken before it.',
    );
    this.unknownMigrations = unknownMigrations;
  }
}

export interface MigrationStatus {
  /** Known to the code, not yet applied. */
  pending: string[];
  /** Applied to the database, unknown to the code (a newer version ran). */
  unknown: string[];
}

export interface MigrationResult {
  /** Applied by this call, in order (empty when the database was up to date). */
  applied: string[];
}

const migratorFor = (db: Db) => {
  const migrations = migrationsFor(db.engine);
  return new Migrator({ db: db.kysely, provider: { getMigrations: () => Promise.resolve(migrations) } });
};

async function appliedMigrationNames(db: Db): Promise<string[]> {
  const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === DEFAULT_MIGRATION_TABLE)) return [];
  const rows = await db.kysely
    .withoutPlugins()
    .selectFrom(DEFAULT_MIGRATION_TABLE as never)
    .select('name' as never)
    .execute();
  return rows.map((r) => (r as { name: string }).name);
}

/** Which migrations are pending and which are unknown, without changing anything (readiness checks). */
export async function getMigrationStatus(db: Db): Promise<MigrationStatus> {
  const known = Object.keys(migrationsFor(db.engine));
  const applied = await appliedMigrationNames(db);
  return { pending: known.filter((n) => !applied.includes(n)), unknown: applied.filter((n) => !known.includes(n)) };
}

/**
 * Applies every pending migration, in order; refuses (MigrationRefusedError, nothing applied) a database that
 * holds a migration this code does not know. Safe to run from several replicas at once: Kysely's Migrator takes a
 * lock, and each migration commits with its record on PostgreSQL (transactional DDL).
 */
export async function migrateToLatest(db: Db): Promise<MigrationResult> {
  const { unknown } = await getMigrationStatus(db);
  if (unknown.length > 0) throw new MigrationRefusedError(db.location, unknown);
  const { error, results = [] } = await migratorFor(db).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed on ${db.location}`, { cause: error });
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
