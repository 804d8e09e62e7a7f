import 'server-only';

import { ConfigError } from '@/lib/config/env';
import { logger } from '@/lib/log/logger';

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
    if (applied.length > 0) logger.info({ database: db.location, applied }, 'database migrated');
  } catch (error) {
    if (!(error instanceof MigrationRefusedError || error instanceof ConfigError)) throw error;
    logger.fatal(error.message);
    process.exit(1);
  }
}
