import 'server-only';

import { ConfigError } from '@/lib/config/env';

import { getDb } from '.';
import { MigrationRefusedError, migrateToLatest } from './migrate';

/**
 * Brings the database up to date when the server starts; a bad DATABASE_URL or a database migrated by a newer
 * version stops the start with a message saying so, before any request is served.
 */
export async function migrateOnStart(): Promise<void> {
  try {
    const db = getDb();
    const { applied } = await migrateToLatest(db);
    if (applied.length > 0) console.info(`database ${db.location}: applied ${applied.join(', ')}`);
  } catch (error) {
    if (!(error instanceof MigrationRefusedError || error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
